using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Warnings;

public static class WarningEndpoints
{
    /// <summary>
    /// The units, people, cases and monthly reports at risk at <c>asOf</c> (an instant, or a date meaning the
    /// end of that day; default now), as the ledger stands now. Red first. A liaison gets their own unit's
    /// warnings and its people's, nothing of another unit.
    /// </summary>
    [WolverineGet("/api/warnings", OperationId = "warnings")]
    public static async Task<JsonOrFile<WarningList>> List(
        WarningsAt when, IQuerySession session, RulebookCatalog rulebooks, IOptions<DeadlineOptions> options, HttpContext http, string? format)
    {
        var (export, unknown) = Hotline.Ledger.Exports.TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<WarningList>.Refused(unknown);
        var (at, now) = (when.At, when.Now);
        var date = OfficeCalendar.DateOf(at);
        var query = new ScoreQuery(date.Year, date, now);
        var rulebook = rulebooks.ForScoring(query.Year, date) ?? rulebooks.All[0];
        var units = (await session.Query<Unit>().ToListAsync()).ToDictionary(u => u.Id);

        var warnings = new List<Warning>();
        warnings.AddRange(await Rates(session, rulebook, query, units));
        warnings.AddRange(await Cases(session, at, options.Value.FeedGrace, units));
        warnings.AddRange(await Reports(session, rulebooks, at, units.Values));

        var seen = await LiaisonScope.Filter(http, session, warnings, w => w.UnitId, w => w.PersonId);
        var ordered = seen.OrderBy(w => w.Level == "red" ? 0 : 1).ThenBy(w => w.Kind, StringComparer.Ordinal)
            .ThenBy(w => w.DueAt).ThenBy(w => w.Reason, StringComparer.Ordinal).ToList();
        if (export is { } chosen)
        {
            var people = (await session.LoadManyAsync<Person>(http.RequestAborted, ordered.Select(w => w.PersonId).OfType<Guid>().Distinct().ToArray())).ToDictionary(p => p.Id, p => p.Name);
            return JsonOrFile<WarningList>.File(Hotline.Ledger.Exports.TableExport.File(http.Request, chosen, $"warnings-{date:yyyy-MM-dd}", "预警", Warning.Columns,
                ordered.Select(w => (w, w.UnitId is { } u ? units.GetValueOrDefault(u)?.Name : null, w.PersonId is { } p ? people.GetValueOrDefault(p) : null))));
        }

        return JsonOrFile<WarningList>.Json(new WarningList(date, at, query.Year, now, ordered));
    }

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

    private static async Task<IEnumerable<Warning>> Cases(IQuerySession session, DateTimeOffset at, TimeSpan grace, IReadOnlyDictionary<Guid, Unit> units)
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

    private static async Task<IEnumerable<Warning>> Reports(IQuerySession session, RulebookCatalog rulebooks, DateTimeOffset at, IEnumerable<Unit> units)
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
