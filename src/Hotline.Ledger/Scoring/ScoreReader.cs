using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Rulebooks;
using Marten.Services.BatchQuerying;

namespace Hotline.Ledger.Scoring;

/// <summary>
/// Reads the rows a score needs with indexed range queries on the two clocks — never a replay of the
/// subject's streams (ADR 0004).
/// </summary>
public static class ScoreReader
{
    // Queued on a batch: a score reads its subject, entries and marks in one round trip (ADR 0046).
    public static Task<IReadOnlyList<Entry>> EntriesOf(IBatchedQuery batch, SubjectKind kind, Guid id, ScoreQuery q)
    {
        var last = q.LastCountedDay;
        return kind == SubjectKind.Unit
            ? batch.Query<Entry>().Where(e => e.UnitId == id && e.Year == q.Year && e.OccurredOn <= last && e.RecordedAt <= q.KnownAt).ToList()
            : batch.Query<Entry>().Where(e => e.PersonId == id && e.Year == q.Year && e.OccurredOn <= last && e.RecordedAt <= q.KnownAt).ToList();
    }

    public static Task<IReadOnlyList<Mark>> MarksOf(IBatchedQuery batch, Guid subjectId, ScoreQuery q) =>
        batch.Query<Mark>().Where(m => m.SubjectId == subjectId && m.Year == q.Year && m.RecordedAt <= q.KnownAt).ToList();

    public static async Task<IReadOnlyList<Entry>> AllEntries(IQuerySession session, ScoreQuery q)
    {
        var last = q.LastCountedDay;
        return await session.Query<Entry>()
            .Where(e => e.Year == q.Year && e.OccurredOn <= last && e.RecordedAt <= q.KnownAt)
            .ToListAsync();
    }

    public static async Task<IReadOnlyList<Mark>> AllMarks(IQuerySession session, SubjectKind kind, ScoreQuery q) =>
        await session.Query<Mark>()
            .Where(m => m.SubjectKind == kind && m.Year == q.Year && m.RecordedAt <= q.KnownAt)
            .ToListAsync();
}
