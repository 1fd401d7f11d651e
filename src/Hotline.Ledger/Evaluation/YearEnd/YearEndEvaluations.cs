using Hotline.Ledger.Http;
using Hotline.Ledger.Appeals;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Marten;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>What the approval steps must know about the rest of the ledger.</summary>
public static class YearEndEvaluations
{
    public static Task<YearEndEvaluation?> ApprovedFor(IQuerySession session, int year) =>
        session.Query<YearEndEvaluation>().FirstOrDefaultAsync(e => e.Year == year && e.Status == YearEndEvaluation.Approved);

    /// <summary>Every approved year-end evaluation, earliest year first.</summary>
    public static async Task<IReadOnlyList<YearEndEvaluation>> Approved(IQuerySession session) =>
        await session.Query<YearEndEvaluation>().Where(e => e.Status == YearEndEvaluation.Approved).OrderBy(e => e.Year).ToListAsync();

    /// <summary>What an approved evaluation lacked as recorded at its approval: nothing, unless the leader approved it incomplete.</summary>
    public static Completeness MissingAtApproval(YearEndEvaluation evaluation) =>
        evaluation.Overrides.LastOrDefault(o => o.Step == "approved")?.Missing ?? new Completeness(true, [], []);

    public static async Task<IReadOnlyList<Appeal>> PendingAppeals(IQuerySession session, int year) =>
        await session.Query<Appeal>().Where(a => a.Year == year && a.Status == Appeal.Pending).OrderBy(a => a.FiledAt).ToListAsync();

    /// <summary>
    /// Whether the ledger learned anything about the year after the sheet was computed: then the sheet
    /// no longer shows the year as known, and the office recomputes before submitting (ADR 0033).
    /// </summary>
    public static async Task<Refusal?> ChangedSince(IQuerySession session, int year, DateTimeOffset knownAt)
    {
        if (await session.Query<Entry>().AnyAsync(e => e.Year == year && (e.RecordedAt > knownAt || e.RescindedAt > knownAt)))
            return new("evaluation.changedSince.entry");
        if (await session.Query<Mark>().AnyAsync(m => m.Year == year && m.RecordedAt > knownAt))
            return new("evaluation.changedSince.mark");
        if (await session.Query<Unit>().AnyAsync(u => u.RegisteredAt > knownAt))
            return new("evaluation.changedSince.unit");
        if (await session.Query<Person>().AnyAsync(p => p.RegisteredAt > knownAt))
            return new("evaluation.changedSince.person");
        return null;
    }
}
