using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Rulebooks;
using Marten.Services.BatchQuerying;

namespace Hotline.Ledger.Scoring;

/// <summary>One subject's scorecard at a point on both clocks: the rows it needs, read by index, then computed.</summary>
public static class SubjectCards
{
    public static async Task<Scorecard> Read(IQuerySession session, Rulebook rulebook, SubjectKind kind, ScoreSubject subject, ScoreQuery query)
    {
        var batch = session.CreateBatchQuery();
        var rows = Queue(batch, kind, subject.Id, query);
        await batch.Execute();
        return await Compute(session, rulebook, kind, subject, query, rows);
    }

    /// <summary>The subject's entries and marks, queued on a batch the caller executes (with the subject's own row, say).</summary>
    public static (Task<IReadOnlyList<Ledger.Entries.Entry>> Entries, Task<IReadOnlyList<Ledger.Marks.Mark>> Marks) Queue(
        IBatchedQuery batch, SubjectKind kind, Guid id, ScoreQuery query) =>
        (ScoreReader.EntriesOf(batch, kind, id, query), ScoreReader.MarksOf(batch, id, query));

    /// <summary>
    /// The card from the queued rows once the batch ran, and the subject's rate counters: <paramref name="counts"/> when
    /// the caller started them beside its batch (<see cref="RateReader.CountsApart"/>), else read now.
    /// </summary>
    public static async Task<Scorecard> Compute(IQuerySession session, Rulebook rulebook, SubjectKind kind, ScoreSubject subject, ScoreQuery query,
        (Task<IReadOnlyList<Ledger.Entries.Entry>> Entries, Task<IReadOnlyList<Ledger.Marks.Mark>> Marks) rows, Task<CaseCounts>? counts = null)
    {
        counts ??= RateReader.CountsOf(session, kind, subject.Id, query);
        return Scorecards.Compute(rulebook, kind, subject, query, await rows.Entries, await rows.Marks, await counts);
    }
}
