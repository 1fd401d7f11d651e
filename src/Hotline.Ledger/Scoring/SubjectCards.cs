using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Rulebooks;
using Marten;

namespace Hotline.Ledger.Scoring;

/// <summary>One subject's scorecard at a point on both clocks: the rows it needs, read by index, then computed.</summary>
public static class SubjectCards
{
    public static async Task<Scorecard> Read(IQuerySession session, Rulebook rulebook, SubjectKind kind, ScoreSubject subject, ScoreQuery query) =>
        Scorecards.Compute(rulebook, kind, subject, query,
            await ScoreReader.EntriesOf(session, kind, subject.Id, query),
            await ScoreReader.MarksOf(session, subject.Id, query),
            await RateReader.CountsOf(session, kind, subject.Id, query));
}
