namespace Hotline.Ledger.Entries;

public sealed record Rescission(string Reason, DateTimeOffset RescindedAt, string RescindedBy, Guid? AppealId);

/// <summary>
/// One ledger entry with its status, projected inline from the entry's stream. It is also the row a
/// score query sums: both clocks (occurredOn, recordedAt) and the rescission instant are columns.
/// </summary>
public sealed class Entry
{
    public Guid Id { get; set; }
    public string Rulebook { get; set; } = "";
    public string Clause { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid? PersonId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public int Year { get; set; }
    public decimal Points { get; set; }
    public string Reason { get; set; } = "";
    public List<EvidenceItem> Evidence { get; set; } = [];
    public string? CaseNumber { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public bool Automatic { get; set; }
    public string? Month { get; set; }
    public Guid? AppealId { get; set; }
    public Rescission? Rescission { get; set; }

    /// <summary>When the rescission was recorded; null while the entry stands. A column, for replays.</summary>
    public DateTimeOffset? RescindedAt { get; set; }

    public EntryStatus Status => Rescission is null ? EntryStatus.Active : EntryStatus.Rescinded;

    /// <summary>Counts in an answer given as the ledger stood at <paramref name="knownAt"/>.</summary>
    public bool CountsAt(DateTimeOffset knownAt) => RecordedAt <= knownAt && (RescindedAt is null || RescindedAt > knownAt);

    public static Entry Create(IEvent<EntryRecorded> e) => new()
    {
        Id = e.Data.EntryId,
        Rulebook = e.Data.Rulebook,
        Clause = e.Data.Clause,
        UnitId = e.Data.UnitId,
        PersonId = e.Data.PersonId,
        OccurredOn = e.Data.OccurredOn,
        Year = e.Data.OccurredOn.Year,
        Points = e.Data.Points,
        Reason = e.Data.Reason,
        Evidence = e.Data.Evidence.ToList(),
        CaseNumber = e.Data.CaseNumber,
        RecordedAt = e.Timestamp,
        RecordedBy = e.Data.RecordedBy,
        Automatic = e.Data.Automatic,
        Month = e.Data.Month,
        AppealId = e.Data.AppealId,
    };

    public void Apply(IEvent<EntryRescinded> e)
    {
        Rescission = new Rescission(e.Data.Reason, e.Timestamp, e.Data.RescindedBy, e.Data.AppealId);
        RescindedAt = e.Timestamp;
    }
}
