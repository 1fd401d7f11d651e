using Hotline.Ledger.Rulebooks;
using JasperFx.Events;

namespace Hotline.Ledger.Marks;

/// <summary>A mark as recorded, with the instant the ledger learned it.</summary>
public sealed class Mark
{
    public Guid Id { get; set; }
    public string Rulebook { get; set; } = "";
    public int Year { get; set; }
    public string Clause { get; set; } = "";
    public SubjectKind SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    public decimal Points { get; set; }
    public string Reason { get; set; } = "";
    public string Scorer { get; set; } = "";
    public DateOnly MarkedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? AppealId { get; set; }

    public static Mark Create(IEvent<MarkRecorded> e) => new()
    {
        Id = e.Data.MarkId,
        Rulebook = e.Data.Rulebook,
        Year = e.Data.Year,
        Clause = e.Data.Clause,
        SubjectKind = e.Data.SubjectKind,
        SubjectId = e.Data.SubjectId,
        Points = e.Data.Points,
        Reason = e.Data.Reason,
        Scorer = e.Data.Scorer,
        MarkedOn = e.Data.MarkedOn,
        RecordedAt = e.Timestamp,
        AppealId = e.Data.AppealId,
    };
}
