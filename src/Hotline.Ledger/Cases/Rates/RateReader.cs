using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Cases.Rates;

/// <summary>
/// Reads rates from the counters with one indexed query (never a replay of case streams). The year's
/// cases are those first assigned in it; their state is taken as of <c>asOf</c>, a date within the year
/// (ADR 0021, ADR 0067).
/// </summary>
public static class RateReader
{
    public static async Task<CaseCounts> CountsOf(IQuerySession session, SubjectKind kind, Guid id, ScoreQuery q) =>
        (await CaseCounters.Sum(session, kind, q.Year, q.AsOf, q.KnownAt, id)).GetValueOrDefault(id) ?? CaseCounts.Zero;

    /// <summary>
    /// One subject's counts on a connection of their own: started before the caller's batch, they are read while it runs
    /// rather than after it (ADR 0179).
    /// </summary>
    public static async Task<CaseCounts> CountsApart(IQuerySession session, SubjectKind kind, Guid id, ScoreQuery q, CancellationToken ct = default) =>
        (await CaseCounters.SumApart(session, kind, q.Year, q.AsOf, q.KnownAt, ct, id)).GetValueOrDefault(id) ?? CaseCounts.Zero;

    public static Task<IReadOnlyDictionary<Guid, CaseCounts>> CountsOfAll(IQuerySession session, SubjectKind kind, ScoreQuery q) =>
        CaseCounters.Sum(session, kind, q.Year, q.AsOf, q.KnownAt);

    public static async Task<CaseRates> RatesOf(IQuerySession session, RulebookCatalog rulebooks, SubjectKind kind, Guid id, ScoreQuery q)
    {
        var rulebook = rulebooks.ForScoring(q.Year, q.AsOf)!;
        var counts = await CountsOf(session, kind, id, q);
        return CaseRates.Of(kind == SubjectKind.Unit ? "unit" : "person", id, q.Year, q.AsOf, q.KnownAt, counts, rulebook.CaseFeedOrDefault());
    }
}
