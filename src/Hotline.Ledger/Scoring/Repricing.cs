using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

/// <summary>
/// What a recorded entry or mark is worth under a draft (ADR 0091). An entry keeps its recorded points
/// where the draft prices its clause as the rulebook in force does; a clause with new fixed points gives
/// those points; a new range keeps the recorded magnitude within it; a clause the draft drops (or turns
/// into a criterion) gives nothing. A mark counts up to the draft's maximum for its criterion.
/// </summary>
public sealed class Repricing(Rulebook inForce, Rulebook draft)
{
    public Rulebook InForce => inForce;
    public Rulebook Draft => draft;

    /// <summary>The signed points under the draft, or null when the draft has no entry clause of this code.</summary>
    public decimal? Entry(string clause, decimal recorded)
    {
        if (draft.Find(clause) is not { IsEntryClause: true } now) return null;
        var was = inForce.Find(clause);
        if (was is not null && (was.Kind, was.Points, was.MinPoints, was.MaxPoints) == (now.Kind, now.Points, now.MinPoints, now.MaxPoints))
            return recorded;
        var magnitude = Math.Abs(recorded);
        return now.Signed(now.Points ?? Math.Clamp(magnitude, now.MinPoints!.Value, now.MaxPoints!.Value));
    }

    /// <summary>Copies of the entries with their points under the draft (nothing for a dropped clause): a draft scorecard lists them all.</summary>
    public IReadOnlyList<Entry> Entries(IEnumerable<Entry> entries) => entries.Select(e => new Entry
    {
        Id = e.Id, Rulebook = e.Rulebook, Clause = e.Clause, UnitId = e.UnitId, PersonId = e.PersonId, OccurredOn = e.OccurredOn, Year = e.Year,
        Points = Entry(e.Clause, e.Points) ?? 0m, Reason = e.Reason, Evidence = e.Evidence, CaseNumber = e.CaseNumber, RecordedAt = e.RecordedAt,
        RecordedBy = e.RecordedBy, Automatic = e.Automatic, Month = e.Month, AppealId = e.AppealId, Rescission = e.Rescission, RescindedAt = e.RescindedAt,
    }).ToList();

    /// <summary>Copies of the marks, each no more than the draft's maximum for its criterion.</summary>
    public IReadOnlyList<Mark> Marks(IEnumerable<Mark> marks) => marks.Select(m => new Mark
    {
        Id = m.Id, Rulebook = m.Rulebook, Year = m.Year, Clause = m.Clause, SubjectKind = m.SubjectKind, SubjectId = m.SubjectId,
        Points = draft.Find(m.Clause) is { Kind: ClauseKind.Criterion } c ? Math.Min(m.Points, c.MaxMagnitude) : m.Points,
        Reason = m.Reason, Scorer = m.Scorer, MarkedOn = m.MarkedOn, RecordedAt = m.RecordedAt, AppealId = m.AppealId,
    }).ToList();
}
