using Hotline.Ledger.Approvals;
using Hotline.Ledger.Appeals;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>What the approval steps must know about the rest of the ledger.</summary>
public static class YearEndEvaluations
{
    public static Task<YearEndEvaluation?> ApprovedFor(IQuerySession session, int year) =>
        session.Query<YearEndEvaluation>().FirstOrDefaultAsync(e => e.Year == year && e.Status == ApprovalStatus.Approved);

    /// <summary>Every approved year-end evaluation, earliest year first.</summary>
    public static async Task<IReadOnlyList<YearEndEvaluation>> Approved(IQuerySession session) =>
        await session.Query<YearEndEvaluation>().Where(e => e.Status == ApprovalStatus.Approved).OrderBy(e => e.Year).ToListAsync();

    /// <summary>What an approved evaluation lacked as recorded at its approval: nothing, unless the leader approved it incomplete.</summary>
    public static Completeness MissingAtApproval(YearEndEvaluation evaluation) =>
        evaluation.Overrides.LastOrDefault(o => o.Step == "approved")?.Missing ?? new Completeness(true, [], []);

    public static async Task<IReadOnlyList<Appeal>> PendingAppeals(IQuerySession session, int year) =>
        await session.Query<Appeal>().Where(a => a.Year == year && a.Status == AppealStatus.Pending).OrderBy(a => a.FiledAt).ToListAsync();

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

    /// <summary>
    /// What the evaluation lacks: as it is now while it can still change; once approved, as it was recorded at the
    /// approval (nothing, unless the leader approved it incomplete), so that the approved view never changes.
    /// </summary>
    public static async Task<Completeness> Missing(IQuerySession session, RulebookCatalog rulebooks, YearEndEvaluation evaluation, ScoreSheet? sheet = null)
    {
        if (evaluation.Status == ApprovalStatus.Approved) return MissingAtApproval(evaluation);
        sheet ??= (await session.LoadAsync<StoredSheet>(evaluation.SheetId))!.Sheet;
        return await Completeness.Of(session, rulebooks.Get(sheet.Rulebook), sheet);
    }

    /// <summary>The year's sheet as of 31 December as the ledger stands now, to be stored; null when no rulebook scores the year.</summary>
    public static async Task<StoredSheet?> Compute(IQuerySession session, RulebookCatalog rulebooks, int year, TimeProvider clock)
    {
        var yearEnd = OfficeCalendar.LastDayOf(year);
        var rulebook = rulebooks.ForScoring(year, yearEnd);
        if (rulebook is null) return null;
        var sheet = await SheetBuilder.Build(session, rulebook, new ScoreQuery(year, yearEnd, clock.GetUtcNow()), graded: true);
        return new StoredSheet { Id = Guid.CreateVersion7(), Sha256 = SheetJson.Sha256(sheet), Sheet = sheet };
    }

    /// <summary>What the evaluation's events say of a stored sheet.</summary>
    public static SheetComputed Computed(StoredSheet stored) => new(stored.Id, stored.Sha256, stored.Sheet.AsOf, stored.Sheet.KnownAt,
        stored.Sheet.LastSequence, stored.Sheet.Rulebook, stored.Sheet.Digest);
}
