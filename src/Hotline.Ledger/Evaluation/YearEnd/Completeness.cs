using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>A unit or person of the sheet with criteria nobody has marked: they score nothing on them.</summary>
public sealed record UnmarkedCriteria(string Kind, Guid SubjectId, string Name, IReadOnlyList<string> Clauses);

/// <summary>A unit of the sheet with months of the year for which no work report was received at all.</summary>
public sealed record MissingReports(Guid UnitId, string Code, string Name, IReadOnlyList<string> Months);

/// <summary>
/// What an evaluation still lacks before it can be a fair year's result (ADR 0066): criteria that are marked
/// by the office and have no mark, and monthly reports never received. Submit and approve refuse an
/// incomplete evaluation unless the request overrides it with a reason.
/// </summary>
public sealed record Completeness(bool Complete, IReadOnlyList<UnmarkedCriteria> Unmarked, IReadOnlyList<MissingReports> MissingReports)
{
    /// <summary>One line a reader (and a 409's detail) can take in at a glance.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Summary => ProblemText.Of("evaluation.incomplete.summary",
        Unmarked.Count, Unmarked.Sum(u => u.Clauses.Count), MissingReports.Count, MissingReports.Sum(m => m.Months.Count));

    public static async Task<Completeness> Of(IQuerySession session, Rulebook? rulebook, ScoreSheet sheet)
    {
        var unmarked = new List<UnmarkedCriteria>();
        if (rulebook is not null)
        {
            var unitClauses = Marked(rulebook, SubjectKind.Unit);
            var personClauses = Marked(rulebook, SubjectKind.Person);
            unmarked.AddRange(sheet.Units.Select(u => new UnmarkedCriteria("unit", u.UnitId, $"{u.Code} {u.Name}", Unscored(unitClauses, u.Criteria)))
                .Where(u => u.Clauses.Count > 0));
            unmarked.AddRange(sheet.People.Select(p => new UnmarkedCriteria("person", p.PersonId, p.Name, Unscored(personClauses, p.Criteria)))
                .Where(p => p.Clauses.Count > 0));
        }

        var missing = await Reports(session, sheet);
        return new Completeness(unmarked.Count == 0 && missing.Count == 0, unmarked, missing);
    }

    /// <summary>The criteria an assessor marks (neither headings nor computed from data).</summary>
    private static HashSet<string> Marked(Rulebook rulebook, SubjectKind kind) =>
        rulebook.ScoredCriteria(kind).Where(c => c.Scoring is null && !c.IsComputed).Select(c => c.Code).ToHashSet();

    private static List<string> Unscored(HashSet<string> marked, IEnumerable<SheetScore> criteria) =>
        criteria.Where(c => c.Points is null && marked.Contains(c.Clause)).Select(c => c.Clause).ToList();

    /// <summary>Every month of the year a unit of the sheet was registered in, whose report never arrived (late ones count as received).</summary>
    private static async Task<List<MissingReports>> Reports(IQuerySession session, ScoreSheet sheet)
    {
        var units = (await session.LoadManyAsync<Unit>(sheet.Units.Select(u => u.UnitId).ToArray())).ToDictionary(u => u.Id);
        var owed = new List<(SheetUnit Unit, ReportMonth Month)>();
        foreach (var row in sheet.Units)
        {
            if (!units.TryGetValue(row.UnitId, out var unit)) continue;
            var first = ReportMonth.Of(OfficeCalendar.DateOf(unit.RegisteredAt));
            if (first.Year > sheet.Year) continue;
            var month = first.Year < sheet.Year ? new ReportMonth(sheet.Year, 1) : first;
            for (; month.Year == sheet.Year && month.LastDay <= sheet.AsOf; month = month.Next) owed.Add((row, month));
        }

        if (owed.Count == 0) return [];
        var received = (await session.LoadManyAsync<MonthlyReport>(owed.Select(o => MonthlyReport.IdOf(o.Unit.UnitId, o.Month)).ToArray()))
            .Select(r => r.Id).ToHashSet();
        return owed.Where(o => !received.Contains(MonthlyReport.IdOf(o.Unit.UnitId, o.Month)))
            .GroupBy(o => o.Unit.UnitId)
            .Select(g => new MissingReports(g.Key, g.First().Unit.Code, g.First().Unit.Name, g.Select(o => o.Month.ToString()).ToList()))
            .ToList();
    }
}

/// <summary>The office's or the leader's explicit choice to go on with an incomplete evaluation, and why.</summary>
public sealed record CompletenessOverride(string Reason);

/// <summary>The body of submit and approve, which may be empty: an override is needed only for an incomplete evaluation.</summary>
public sealed record SubmitEvaluation(CompletenessOverride? Override);

public sealed record ApproveEvaluation(CompletenessOverride? Override);

/// <summary>An override as recorded: who went on, at which step, why, and what was missing then.</summary>
public sealed record OverrideRecord(string Step, DateTimeOffset At, string By, string Reason, Completeness Missing);
