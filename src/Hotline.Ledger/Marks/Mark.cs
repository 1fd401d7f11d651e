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

    public static Mark Create(IEvent<MarkRecorded> e)
    {
        var m = e.Data;
        return new()
        {
            // The criterion of which rulebook and year, and whose.
            Id = m.MarkId, Rulebook = m.Rulebook, Year = m.Year, Clause = m.Clause, SubjectKind = m.SubjectKind, SubjectId = m.SubjectId,
            // The mark, why and by whom, on the business day it counts from.
            Points = m.Points, Reason = m.Reason, Scorer = m.Scorer, MarkedOn = m.MarkedOn,
            // When the ledger learned it, and the appeal it answers, if any.
            RecordedAt = e.Timestamp, AppealId = m.AppealId,
        };
    }
}
