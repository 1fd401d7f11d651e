using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Appeals;

public sealed record AppealDecision(
    string Outcome,
    string Reason,
    decimal? CorrectedPoints,
    Guid? RescindedEntryId,
    Guid? CorrectionEntryId,
    Guid? MarkId,
    DateTimeOffset DecidedAt,
    string DecidedBy);

/// <summary>An appeal (申诉) and its decision, projected inline from the appeal's stream.</summary>
public sealed class Appeal
{
    /// <summary>The words of <see cref="AppealStatus"/>; a decision's outcome is one of the last two.</summary>
    public const string Pending = "pending";
    public const string Upheld = "upheld";
    public const string Rejected = "rejected";

    public Guid Id { get; set; }

    /// <summary>"entry:{id}" or "criterion:{clause}:{unit}:{year}": unique, so a matter is appealed once.</summary>
    public string Subject { get; set; } = "";

    public Guid? EntryId { get; set; }
    public string Rulebook { get; set; } = "";
    public string Clause { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid? PersonId { get; set; }
    public int Year { get; set; }
    public DateOnly ContestedOn { get; set; }
    public decimal? ContestedPoints { get; set; }
    public string Reason { get; set; } = "";
    public List<EvidenceItem> Evidence { get; set; } = [];
    public DateOnly WindowClosesOn { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public string FiledBy { get; set; } = "";
    public AppealStatus Status { get; set; } = AppealStatus.Pending;
    public AppealDecision? Decision { get; set; }

    /// <summary>When the decision was recorded; null while pending. A column, for replays.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    public string Kind => EntryId is null ? "criterion" : "entry";

    /// <summary>The status as the ledger stood at <paramref name="knownAt"/>.</summary>
    public AppealStatus StatusAt(DateTimeOffset knownAt) => DecidedAt is { } at && at <= knownAt ? Status : AppealStatus.Pending;

    /// <summary>The status a word names (<c>?status=</c>, a decision's outcome); null for any other word.</summary>
    public static AppealStatus? StatusNamed(string? word) => word switch
    {
        Pending => AppealStatus.Pending,
        Upheld => AppealStatus.Upheld,
        Rejected => AppealStatus.Rejected,
        _ => null,
    };

    /// <summary>The word of a status, as stored and answered.</summary>
    public static string Word(AppealStatus status) => status switch
    {
        AppealStatus.Upheld => Upheld,
        AppealStatus.Rejected => Rejected,
        _ => Pending,
    };

    public static string EntrySubject(Guid entryId) => $"entry:{entryId:N}";

    public static string CriterionSubject(string clause, Guid unitId, int year) => $"criterion:{clause}:{unitId:N}:{year}";

    public static Appeal Create(IEvent<AppealFiled> e) => new()
    {
        Id = e.Data.AppealId,
        Subject = e.Data.Subject,
        EntryId = e.Data.EntryId,
        Rulebook = e.Data.Rulebook,
        Clause = e.Data.Clause,
        UnitId = e.Data.UnitId,
        PersonId = e.Data.PersonId,
        Year = e.Data.Year,
        ContestedOn = e.Data.ContestedOn,
        ContestedPoints = e.Data.ContestedPoints,
        Reason = e.Data.Reason,
        Evidence = e.Data.Evidence.ToList(),
        WindowClosesOn = e.Data.WindowClosesOn,
        FiledAt = e.Timestamp,
        FiledBy = e.Data.FiledBy,
    };

    public void Apply(IEvent<AppealDecided> e)
    {
        Decision = new AppealDecision(e.Data.Outcome, e.Data.Reason, e.Data.CorrectedPoints, e.Data.RescindedEntryId,
            e.Data.CorrectionEntryId, e.Data.MarkId, e.Timestamp, e.Data.DecidedBy);
        Status = StatusNamed(e.Data.Outcome) ?? throw new InvalidOperationException($"Appeal {Id}: no status '{e.Data.Outcome}'");
        DecidedAt = e.Timestamp;
    }
}
