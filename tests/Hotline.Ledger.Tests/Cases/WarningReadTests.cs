using System.Globalization;
using System.Net;
using System.Text.Json;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Kernel;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Tests.Support;
using Hotline.Ledger.Time;
using Hotline.Ledger.Warnings;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The warnings read set-wise (narrow rows, one round trip, the counts beside it, criterion by criterion) answer exactly
/// what a plain reading gives — subject by subject over whole documents (every unit and person, every entry of the year,
/// every case file, each unit's report looked up on its own) — on a history with a bit of everything, at several moments.
/// </summary>
public class WarningReadTests(CaseFeedApp app) : CaseFeedTest(app)
{
    [Fact]
    public async Task The_warnings_are_those_a_plain_subject_by_subject_reading_gives_on_a_varied_history_at_every_moment_asked()
    {
        var year = Stage();
        var early = await App.NewUnit("EARLY-R");
        MoveTo(Local(year, 3, 15));
        var a = await App.NewUnit("UNIT-RA");
        var b = await App.NewUnit("UNIT-RB");
        var people = new List<(Guid Unit, Guid Person)>();
        foreach (var (unit, name) in new[] { (a, "甲"), (a, "乙"), (b, "丙"), (b, "丁"), (early, "戊") })
            people.Add((unit, await App.NewPerson(unit, $"{year}-03-15", name)));

        // Complaints (I7) against some people, one rescinded; other entries that no criterion counts.
        MoveTo(Local(year, 4, 2, 10));
        var complaints = new List<Guid>();
        foreach (var (unit, person) in people.Take(3).Concat(people.Take(1)))
            complaints.Add((await App.Created("/api/entries", new { clause = "D1", unitId = unit, personId = person, occurredOn = $"{year}-04-02", points = 5, reason = "群众投诉" }))
                .GetProperty("id").GetGuid());
        await App.Created($"/api/entries/{complaints[1]}/rescind", new { reason = "复核不实" }, HttpStatusCode.OK);
        await App.Created("/api/entries", new { clause = "D1", unitId = b, occurredOn = $"{year}-04-02", points = 6, reason = "单位投诉" });

        // April's report from one unit only.
        MoveTo(Local(year, 5, 2, 9));
        await App.Created($"/api/units/{a}/monthly-reports", new { month = $"{year}-04", summary = "四月" });

        // Cases: replied in time, due soon, overdue and charged by the judge, overdue within the grace, completed and visited.
        var day = Local(year, 5, 8, 9);
        MoveTo(Local(year, 5, 10, 19));
        await Ingest(
            Row("R1", "R-1", "assigned", day, a, people[0].Person, day.AddDays(1)), Row("R1r", "R-1", "replied", day.AddHours(2)),
            Row("R2", "R-2", "assigned", day.AddHours(1), a, people[1].Person, Local(year, 5, 10, 21)),
            Row("R3", "R-3", "assigned", day, b, people[2].Person, Local(year, 5, 10, 10)),
            Row("R4", "R-4", "assigned", day.AddHours(3), b, replyDueAt: Local(year, 5, 10, 19, 30)),
            Row("R5", "R-5", "assigned", day, early, people[4].Person, day.AddDays(1)), Row("R5r", "R-5", "replied", day.AddHours(5)),
            Row("R5c", "R-5", "completed", day.AddDays(1)), Row("R5v", "R-5", "returnVisit", day.AddDays(2), result: "satisfied"),
            Row("R6", "R-6", "assigned", day.AddHours(4), early, replyDueAt: Local(year, 5, 11, 8)));
        await Judge();

        var seen = new HashSet<string>();
        foreach (var (moment, asOf) in new (DateTimeOffset, string?)[]
                 {
                     (Local(year, 5, 10, 20), null), (Local(year, 5, 10, 20, 30), $"{year}-05-03"), (Local(year, 5, 10, 20, 30), Iso(Local(year, 5, 10, 8))),
                     (Local(year, 5, 10, 20, 30), $"{year}-04-30"), (Local(year, 5, 10, 21, 30), null),
                 })
        {
            MoveTo(moment);
            var answer = (await App.Ok("/api/warnings" + (asOf is null ? "" : "?asOf=" + Uri.EscapeDataString(asOf)))).GetProperty("warnings")
                .EnumerateArray().Select(Shown).ToList();
            var previous = await Previous(asOf);
            seen.UnionWith(previous.Select(w => $"{w.Kind} {w.Level}"));
            Assert.Equal(previous.Select(Shown).ToList(), answer);
        }

        // The moments asked saw every kind of light, both colours of the cases' and the rates'.
        Assert.Superset(new HashSet<string> { "case red", "case yellow", "monthlyReport yellow", "unit red", "person red", "person yellow" }, seen);
    }

    private static string Shown(JsonElement w) => string.Join('|',
        new[] { "kind", "level", "reason", "unitId", "personId", "caseNumber", "month", "clause", "input", "value", "target", "dueAt" }
            .Select(p => w.TryGetProperty(p, out var v) ? v.ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.Number => v.GetDecimal().ToString(CultureInfo.InvariantCulture),
                JsonValueKind.String when p == "dueAt" => v.GetDateTimeOffset().ToUniversalTime().ToString("O"),
                _ => v.ToString(),
            } : ""));

    private static string Shown(Warning w) => string.Join('|', w.Kind, w.Level, w.Reason, w.UnitId, w.PersonId, w.CaseNumber, w.Month, w.Clause, w.Input,
        w.Value?.ToString(CultureInfo.InvariantCulture), w.Target?.ToString(CultureInfo.InvariantCulture), w.DueAt?.ToUniversalTime().ToString("O"));

    /// <summary>The reference reading of <c>/api/warnings</c>, as an office reader gets it.</summary>
    private async Task<List<Warning>> Previous(string? asOf)
    {
        var now = Clock.GetUtcNow();
        var at = asOf is null ? now
            : DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? OfficeCalendar.EndOf(d).AddTicks(-1)
            : DateTimeOffset.Parse(asOf, CultureInfo.InvariantCulture);
        var rulebooks = App.Host.Services.GetRequiredService<RulebookCatalog>();
        await using var session = App.Store.QuerySession();
        var date = OfficeCalendar.DateOf(at);
        var q = new ScoreQuery(date.Year, date, now);
        var rulebook = rulebooks.ForScoring(q.Year, date) ?? rulebooks.All[0];
        var units = (await session.Query<Unit>().ToListAsync()).ToDictionary(u => u.Id);

        var warnings = new List<Warning>();
        warnings.AddRange(await Rates(session, rulebook, q, units));
        warnings.AddRange(await Cases(session, at, new DeadlineOptions().FeedGrace, units));
        warnings.AddRange(await Reports(session, rulebooks, at, units.Values));
        return warnings.OrderBy(w => w.Level == "red" ? 0 : 1).ThenBy(w => w.Kind, StringComparer.Ordinal)
            .ThenBy(w => w.DueAt).ThenBy(w => w.Reason, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The rate lights subject by subject: every unit and every person in turn, each computed criterion that applies to
    /// them, part by part — from whole documents, the counters summed in one statement and the entries of the year.
    /// </summary>
    private static async Task<IEnumerable<Warning>> Rates(IQuerySession session, Rulebook rulebook, ScoreQuery q, IReadOnlyDictionary<Guid, Unit> units)
    {
        var rules = rulebook.CaseFeedOrDefault();
        var unitCounts = await RateReader.CountsOfAll(session, SubjectKind.Unit, q);
        var personCounts = await RateReader.CountsOfAll(session, SubjectKind.Person, q);
        var people = (await session.Query<Person>().ToListAsync()).ToDictionary(p => p.Id);
        var standing = (await ScoreReader.AllEntries(session, q)).Where(e => e.CountsAt(q.KnownAt)).ToList();
        var computed = rulebook.Clauses.Where(c => c.Scoring is not null).ToList();

        var lights = new List<Warning>();
        foreach (var (id, unit) in units)
            lights.AddRange(Lights(SubjectKind.Unit, id, $"{unit.Code} {unit.Name}：", id, unitCounts.GetValueOrDefault(id), standing.Where(e => e.UnitId == id).Select(e => e.Clause)));
        foreach (var (id, person) in people)
            lights.AddRange(Lights(SubjectKind.Person, id, $"{person.Name}：", person.UnitId, personCounts.GetValueOrDefault(id), standing.Where(e => e.PersonId == id).Select(e => e.Clause)));
        return lights;

        IEnumerable<Warning> Lights(SubjectKind kind, Guid id, string who, Guid unitId, CaseCounts? counts, IEnumerable<string> ownClauses)
        {
            var applies = kind == SubjectKind.Unit ? AppliesTo.Unit : AppliesTo.Person;
            foreach (var clause in computed.Where(c => c.AppliesTo == applies))
            foreach (var part in clause.Scoring!.Parts)
            {
                // A count of entries (I7's complaints) is judged only where there are some; a rate only where there are counts.
                var measured = part.Input == ScoringInputs.Entries
                    ? ownClauses.Count(c => part.Clauses!.Contains(c)) is var n and > 0 ? Measure.Count(n, clause, part) : null
                    : counts is null ? null : Measure.Rate(CaseRates.Fractions(counts, rules)[part.Input], clause, part);
                if (measured is null || part.Function.Meets(measured.Exact, part.Points)) continue;
                var level = part.Function.Points(measured.Shown, part.Points) == 0 ? "red" : "yellow";
                yield return kind == SubjectKind.Unit
                    ? new Warning("unit", level, who + measured.Reason, UnitId: id, Clause: clause.Code, Input: part.Input, Value: measured.Shown, Target: measured.Target)
                    : new Warning("person", level, who + measured.Reason, UnitId: unitId, PersonId: id, Clause: clause.Code, Input: part.Input, Value: measured.Shown, Target: measured.Target);
            }
        }
    }

    /// <summary>What a part measured of one subject: exactly (to judge it), as shown (rounded, also what its colour is read from), and why.</summary>
    private sealed record Measure(decimal Exact, decimal Shown, decimal? Target, string Reason)
    {
        public static Measure Count(int n, Clause clause, ScoringPart part) => new(n, n, null,
            $"{n} entr{(n == 1 ? "y" : "ies")} under {string.Join("/", part.Clauses!)} this year cost {clause.Code} {part.Points - part.Function.Points(n, part.Points)} of its {part.Points} points");

        public static Measure? Rate(RateFraction fraction, Clause clause, ScoringPart part)
        {
            if (fraction.Value is not { } value) return null;
            var target = part.Function.Target ?? part.Function.Steps?.FirstOrDefault()?.AtLeast;
            return new(value, Math.Round(value, 4), target,
                $"{part.Input} {value:P1}（{fraction.Numerator:0.##} / {fraction.Denominator:0.##}）低于 {clause.Code} 的目标 {target:P0}");
        }
    }

    /// <summary>Every case file read whole, each judged on its own: due within a day (yellow), or overdue within the grace and no charge to its unit yet (red).</summary>
    private static async Task<IEnumerable<Warning>> Cases(IQuerySession session, DateTimeOffset at, TimeSpan grace, IReadOnlyDictionary<Guid, Unit> units)
    {
        var files = await session.Query<CaseFile>().ToListAsync();
        return files.Select(file => file.ReplyDueAt is { } due && due > at - grace - TimeSpan.FromDays(1) && due <= at + TimeSpan.FromDays(1) ? Light(file, due) : null)
            .OfType<Warning>().ToList();

        Warning? Light(CaseFile file, DateTimeOffset due)
        {
            var charged = file.Charges.Any(c => c.UnitId == file.UnitId);
            if (due <= at && charged) return null;
            var code = file.UnitId is { } u && units.TryGetValue(u, out var unit) ? unit.Code : "?";
            var shown = $"案件 {file.CaseNumber}（{code}）：答复期限 {TimeZoneInfo.ConvertTime(due, OfficeCalendar.Zone):yyyy-MM-dd HH:mm}";
            var (level, reason) = due > at
                ? ("yellow", $"{shown}（还有 {(due - at).TotalHours:0.#} 小时），尚未答复。")
                : ("red", $"{shown} 已过，仍未收到答复；除非收到在期限内盖章的答复，将按 D3.1 扣分。");
            return new Warning("case", level, reason, UnitId: file.UnitId, PersonId: file.PersonId, CaseNumber: file.CaseNumber, Clause: ReplyDeadlines.Clause, DueAt: due);
        }
    }

    /// <summary>Each unit registered by the month's end asked in turn for its report of the month, while that report is not yet due.</summary>
    private static async Task<IEnumerable<Warning>> Reports(IQuerySession session, RulebookCatalog rulebooks, DateTimeOffset at, IEnumerable<Unit> units)
    {
        var month = ReportMonth.Of(OfficeCalendar.DateOf(at).AddMonths(-1));
        var dueAt = month.DueAt(rulebooks);
        var warnings = new List<Warning>();
        if (dueAt <= at) return warnings;

        var lastDay = TimeZoneInfo.ConvertTime(dueAt, OfficeCalendar.Zone).AddTicks(-1);
        foreach (var unit in units.Where(u => OfficeCalendar.DateOf(u.RegisteredAt) <= month.LastDay))
        {
            if (await session.LoadAsync<MonthlyReport>(MonthlyReport.IdOf(unit.Id, month)) is not null) continue;
            warnings.Add(new Warning("monthlyReport", "yellow", $"{unit.Code} {unit.Name}：{month} 的工作报告应于 {lastDay:yyyy-MM-dd} 前报送，尚未收到。",
                UnitId: unit.Id, Month: month.ToString(), Clause: MonthlyReportDeadlines.Clause, DueAt: dueAt));
        }

        return warnings;
    }
}
