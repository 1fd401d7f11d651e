using Hotline.Ledger.Appeals;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Commendations.Review;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Entries;
using Hotline.Ledger.SpotChecks;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>The approved result the referral rests on, and the subject's row of it.</summary>
public sealed record BundleResult(
    Guid EvaluationId,
    int Year,
    string Sha256,
    DateOnly AsOf,
    DateTimeOffset KnownAt,
    long LastSequence,
    string Rulebook,
    string? Digest,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    int Rank,
    decimal Total,
    decimal CriteriaTotal,
    decimal BonusTotal,
    decimal DeductionTotal,
    string? Grade,
    IReadOnlyList<SheetDeduction> Deductions);

/// <summary>
/// A deduction of the subject's year as the ledger holds it now, with whether the approved result counted
/// it, whether it was rescinded after the result was computed, and whether a ground of the referral cites it.
/// </summary>
public sealed record BundleEntry(EntryView Entry, bool CountedInResult, bool RescindedSinceResult, bool CitedByGrounds);

/// <summary>
/// A case of the hotline platform behind one or more of the entries, with the case as the ledger knows it
/// from the case feed (every row, its deadlines and D3.1 charges); null when the feed never sent it.
/// </summary>
public sealed record BundleCase(string CaseNumber, IReadOnlyList<Guid> EntryIds, CaseView? Case);

/// <summary>
/// Everything an inspector needs about one referral (ADR 0054): the referral and its grounds, the approved
/// result, every deduction of the subject's year with its evidence, the cases behind them (as the case feed
/// delivered them), the appeals
/// against them and their decisions, and the spot checks that led to them.
/// </summary>
public sealed record ReferralBundle(
    string Title,
    Referral Referral,
    BundleResult Result,
    IReadOnlyList<BundleEntry> Entries,
    IReadOnlyList<BundleCase> Cases,
    IReadOnlyList<AppealView> Appeals,
    IReadOnlyList<SpotCheck> SpotChecks,
    DateTimeOffset GeneratedAt,
    string GeneratedBy)
{
    public static async Task<ReferralBundle> Gather(IQuerySession session, Referral referral, DateTimeOffset now, string actor)
    {
        var approved = await ApprovedResult.Load(session, referral.EvaluationId);
        var sheet = approved.Sheet;
        var year = referral.Year;
        var (row, deductions) = referral.PersonId is { } personId
            ? sheet.People.Where(p => p.PersonId == personId).Select(p => (Row(approved, p.Rank, p.Total, p.CriteriaTotal, p.BonusTotal, p.DeductionTotal, p.Grade, p.Deductions), p.Deductions)).Single()
            : sheet.Units.Where(u => u.UnitId == referral.UnitId).Select(u => (Row(approved, u.Rank, u.Total, u.CriteriaTotal, u.BonusTotal, u.DeductionTotal, u.Grade, u.Deductions), u.Deductions)).Single();

        // Every deduction of the year as the ledger holds it now: rescissions or corrections since the result show.
        var stored = referral.PersonId is { } p
            ? await session.Query<Entry>().Where(e => e.PersonId == p && e.Year == year && e.Points < 0).ToListAsync()
            : await session.Query<Entry>().Where(e => e.UnitId == referral.UnitId && e.Year == year && e.Points < 0).ToListAsync();
        var counted = deductions.Select(d => d.EntryId).ToHashSet();
        var cited = referral.Grounds.SelectMany(g => g.EntryIds).ToHashSet();
        var entries = stored
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id)
            .Select(e => new BundleEntry(EntryView.Of(e), counted.Contains(e.Id), counted.Contains(e.Id) && e.RescindedAt > sheet.KnownAt, cited.Contains(e.Id)))
            .ToList();
        var ids = stored.Select(e => e.Id).ToHashSet();

        var appeals = (await session.Query<Appeal>().Where(a => a.Year == year).ToListAsync())
            .Where(a => a.EntryId is { } id && ids.Contains(id))
            .OrderBy(a => a.FiledAt)
            .Select(AppealView.Of)
            .ToList();
        // A spot check early in the next year may have found a deduction of this one.
        var spotChecks = (await session.Query<SpotCheck>().Where(c => c.Year == year || c.Year == year + 1).ToListAsync())
            .Where(c => c.EntryIds.Any(ids.Contains))
            .OrderBy(c => c.CheckedOn).ThenBy(c => c.RecordedAt)
            .ToList();
        var numbers = stored.Where(e => e.CaseNumber is not null)
            .GroupBy(e => e.CaseNumber!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var files = (await session.LoadManyAsync<CaseFile>(numbers.Select(g => CaseIds.StreamOf(g.Key)))).ToDictionary(f => f.CaseNumber, StringComparer.Ordinal);
        var cases = numbers
            .Select(g => new BundleCase(g.Key, g.Select(e => e.Id).ToList(), files.TryGetValue(g.Key, out var file) ? CaseView.Of(file) : null))
            .ToList();

        var title = referral.Kind == Candidates.UnitKind
            ? $"关于移送{referral.Name}{year}年度问责线索的材料"
            : $"关于移送{referral.UnitName}{referral.Name}同志{year}年度问责线索的材料";
        return new ReferralBundle(title, referral, row, entries, cases, appeals, spotChecks, now, actor);
    }

    private static BundleResult Row(ApprovedResult r, int rank, decimal total, decimal criteria, decimal bonus, decimal deduction, string? grade, IReadOnlyList<SheetDeduction> deductions) =>
        new(r.Evaluation.Id, r.Evaluation.Year, r.Stored.Sha256, r.Sheet.AsOf, r.Sheet.KnownAt, r.Sheet.LastSequence, r.Sheet.Rulebook, r.Sheet.Digest,
            r.Evaluation.ApprovedAt, r.Evaluation.ApprovedBy, rank, total, criteria, bonus, deduction, grade, deductions);
}
