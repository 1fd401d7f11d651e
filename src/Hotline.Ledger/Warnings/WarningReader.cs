using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.Warnings;

/// <summary>What is at risk at an instant: the rate lights, the reply deadlines close at hand, the monthly reports not yet in.</summary>
public static class WarningReader
{
    /// <summary>The rate lights (units' and people's criteria below target), red where the part scores nothing; the notices read them too.</summary>
    internal static async Task<IEnumerable<Warning>> Rates(IQuerySession session, Rulebook rulebook, ScoreQuery q, IReadOnlyDictionary<Guid, Unit> units)
    {
        var rules = rulebook.CaseFeedOrDefault();
        var warnings = new List<Warning>();
        var unitCounts = await RateReader.CountsOfAll(session, SubjectKind.Unit, q);
        var personCounts = await RateReader.CountsOfAll(session, SubjectKind.Person, q);
        var people = (await session.Query<Person>().ToListAsync()).ToDictionary(p => p.Id);
        var entries = await ScoreReader.AllEntries(session, q);

        foreach (var clause in rulebook.Clauses.Where(c => c.Scoring is not null))
        {
            var kind = clause.AppliesTo == AppliesTo.Unit ? SubjectKind.Unit : SubjectKind.Person;
            foreach (var part in clause.Scoring!.Parts)
            {
                if (part.Input == ScoringInputs.Entries)
                {
                    // Counted only for people who have some: a subject without any meets a "no complaint" target.
                    var counted = entries.Where(e => part.Clauses!.Contains(e.Clause) && e.CountsAt(q.KnownAt))
                        .GroupBy(e => kind == SubjectKind.Unit ? e.UnitId : e.PersonId ?? Guid.Empty)
                        .Where(g => g.Key != Guid.Empty);
                    foreach (var g in counted)
                    {
                        decimal n = g.Count();
                        if (part.Function.Meets(n, part.Points)) continue;
                        warnings.Add(Subject(kind, g.Key, units, people, clause, part, n, null,
                            $"{n} entr{(n == 1 ? "y" : "ies")} under {string.Join("/", part.Clauses!)} this year cost {clause.Code} {part.Points - part.Function.Points(n, part.Points)} of its {part.Points} points"));
                    }

                    continue;
                }

                foreach (var (id, counts) in kind == SubjectKind.Unit ? unitCounts : personCounts)
                {
                    var fraction = CaseRates.Fractions(counts, rules)[part.Input];
                    if (fraction.Value is not { } value || part.Function.Meets(value, part.Points)) continue;
                    var target = part.Function.Target ?? part.Function.Steps?.FirstOrDefault()?.AtLeast;
                    warnings.Add(Subject(kind, id, units, people, clause, part, Math.Round(value, 4), target,
                        $"{part.Input} {value:P1} ({fraction.Numerator:0.##} of {fraction.Denominator:0.##}) is below the {target:P0} target of {clause.Code}"));
                }
            }
        }

        return warnings;
    }

    private static Warning Subject(SubjectKind kind, Guid id, IReadOnlyDictionary<Guid, Unit> units, IReadOnlyDictionary<Guid, Person> people,
        Clause clause, ScoringPart part, decimal value, decimal? target, string reason)
    {
        var level = part.Function.Points(value, part.Points) == 0 ? "red" : "yellow";
        var who = kind == SubjectKind.Unit
            ? units.TryGetValue(id, out var u) ? $"{u.Code} {u.Name}: " : ""
            : people.TryGetValue(id, out var p) ? $"{p.Name}: " : "";
        return kind == SubjectKind.Unit
            ? new Warning("unit", level, who + reason, UnitId: id, Clause: clause.Code, Input: part.Input, Value: value, Target: target)
            : new Warning("person", level, who + reason, UnitId: people.GetValueOrDefault(id)?.UnitId, PersonId: id, Clause: clause.Code, Input: part.Input, Value: value, Target: target);
    }

    internal static async Task<IEnumerable<Warning>> Cases(IQuerySession session, DateTimeOffset at, TimeSpan grace, IReadOnlyDictionary<Guid, Unit> units)
    {
        var from = at - grace - TimeSpan.FromDays(1);
        var to = at + TimeSpan.FromDays(1);
        var files = await session.Query<CaseFile>().Where(c => c.ReplyDueAt != null && c.ReplyDueAt > from && c.ReplyDueAt <= to).ToListAsync();
        var warnings = new List<Warning>();
        foreach (var file in files)
        {
            var due = file.ReplyDueAt!.Value;
            var local = TimeZoneInfo.ConvertTime(due, OfficeCalendar.Zone);
            var code = file.UnitId is { } u && units.TryGetValue(u, out var unit) ? unit.Code : "?";
            if (due > at)
                warnings.Add(new Warning("case", "yellow",
                    $"Case {file.CaseNumber} ({code}): reply due {local:yyyy-MM-dd HH:mm} (in {(due - at).TotalHours:0.#} h) and no reply yet.",
                    UnitId: file.UnitId, PersonId: file.PersonId, CaseNumber: file.CaseNumber, Clause: ReplyDeadlines.Clause, DueAt: due));
            else if (file.Charges.All(c => c.UnitId != file.UnitId))
                warnings.Add(new Warning("case", "red",
                    $"Case {file.CaseNumber} ({code}): reply was due {local:yyyy-MM-dd HH:mm} and none has arrived; D3.1 follows unless a reply stamped in time does.",
                    UnitId: file.UnitId, PersonId: file.PersonId, CaseNumber: file.CaseNumber, Clause: ReplyDeadlines.Clause, DueAt: due));
        }

        return warnings;
    }

    internal static async Task<IEnumerable<Warning>> Reports(IQuerySession session, RulebookCatalog rulebooks, DateTimeOffset at, IEnumerable<Unit> units)
    {
        // The month whose report falls due next: last month's until its deadline passes.
        var month = ReportMonth.Of(OfficeCalendar.DateOf(at).AddMonths(-1));
        var dueAt = month.DueAt(rulebooks);
        if (dueAt <= at) return [];

        var owing = units.Where(u => OfficeCalendar.DateOf(u.RegisteredAt) <= month.LastDay).ToList();
        var ids = owing.Select(u => MonthlyReport.IdOf(u.Id, month)).ToArray();
        var received = ids.Length == 0 ? [] : (await session.LoadManyAsync<MonthlyReport>(ids)).Select(r => r.UnitId).ToHashSet();
        var deadline = TimeZoneInfo.ConvertTime(dueAt, OfficeCalendar.Zone).AddTicks(-1);
        return owing.Where(u => !received.Contains(u.Id)).Select(u => new Warning("monthlyReport", "yellow",
            $"{u.Code} {u.Name}: the work report for {month} is due by the end of {deadline:yyyy-MM-dd} and has not been received.",
            UnitId: u.Id, Month: month.ToString(), Clause: MonthlyReportDeadlines.Clause, DueAt: dueAt));
    }
}
