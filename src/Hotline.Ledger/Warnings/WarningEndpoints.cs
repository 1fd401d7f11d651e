using System.Globalization;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Http;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Hotline.Ledger.Warnings;

public static class WarningEndpoints
{
    /// <summary>
    /// The units, people, cases and monthly reports at risk at <c>asOf</c> (an instant, or a date meaning the
    /// end of that day; default now), as the ledger stands now. Red first. A liaison gets their own unit's
    /// warnings and its people's, nothing of another unit.
    /// </summary>
    [WolverineGet("/api/warnings", OperationId = "warnings")]
    [ProducesResponseType<WarningList>(StatusCodes.Status200OK)]
    public static async Task<IResult> List(
        WarningsAt when, IQuerySession session, RulebookCatalog rulebooks, IOptions<DeadlineOptions> options, HttpContext http, string? format)
    {
        var (export, unknown) = Hotline.Ledger.Exports.TableExport.Asked(http.Request, format);
        if (unknown is not null) return unknown;
        var (at, now) = (when.At, when.Now);
        var date = OfficeCalendar.DateOf(at);
        var query = new ScoreQuery(date.Year, date, now);
        var rulebook = rulebooks.ForScoring(query.Year, date) ?? rulebooks.All[0];
        var month = ReportMonth.Of(date.AddMonths(-1));

        // One round trip for the session's rows while both kinds' counts are summed on connections of their own (ADR 0178).
        var counts = RateLights.Counts(session, query, http.RequestAborted);
        var batch = session.CreateBatchQuery();
        var unitRows = batch.Query<Unit>().ToList();
        var lightRows = RateLights.Queue(batch, rulebook, query);
        var caseRows = QueueCases(batch, at, options.Value.FeedGrace);
        var reportRows = batch.Query<MonthlyReport>().Where(r => r.Month == month.ToString()).Select(r => new ReportRow(r.Id, r.UnitId)).ToList();
        await batch.Execute(http.RequestAborted);
        var units = (await unitRows).ToDictionary(u => u.Id);

        var warnings = new List<Warning>();
        warnings.AddRange(RateLights.Judge(rulebook, query, units, await RateLights.Complete(counts, lightRows)));
        warnings.AddRange(Cases(await caseRows, at, units));
        warnings.AddRange(Reports(await reportRows, month, month.DueAt(rulebooks), at, units.Values));

        var seen = await Hotline.Ledger.Security.LiaisonScope.Filter(http, session, warnings, w => w.UnitId, w => w.PersonId);
        var ordered = seen.OrderBy(w => w.Level == "red" ? 0 : 1).ThenBy(w => w.Kind, StringComparer.Ordinal)
            .ThenBy(w => w.DueAt).ThenBy(w => w.Reason, StringComparer.Ordinal).ToList();
        if (export is { } chosen)
        {
            var people = (await session.LoadManyAsync<Person>(http.RequestAborted, ordered.Select(w => w.PersonId).OfType<Guid>().Distinct().ToArray())).ToDictionary(p => p.Id, p => p.Name);
            return Hotline.Ledger.Exports.TableExport.File(http.Request, chosen, $"warnings-{date:yyyy-MM-dd}", "预警", Warning.Columns,
                ordered.Select(w => (w, w.UnitId is { } u ? units.GetValueOrDefault(u)?.Name : null, w.PersonId is { } p ? people.GetValueOrDefault(p) : null)));
        }

        return Results.Ok(new WarningList(date, at, query.Year, now, ordered));
    }

    /// <summary>The rate lights (units' and people's criteria below target), red where the part scores nothing; the notices read them too.</summary>
    public static async Task<IEnumerable<Warning>> Rates(IQuerySession session, Rulebook rulebook, ScoreQuery q, IReadOnlyDictionary<Guid, Unit> units) =>
        await RateLights.Of(session, rulebook, q, units);

    /// <summary>A case file as a warning needs it: without its facts, which are most of its document.</summary>
    private sealed record CaseRow(string CaseNumber, Guid? UnitId, Guid? PersonId, DateTimeOffset? ReplyDueAt, List<ReplyCharge> Charges);

    private sealed record ReportRow(Guid Id, Guid UnitId);

    /// <summary>The cases whose reply is due within a day, or was due within the feed's grace and a day before it.</summary>
    private static Task<IReadOnlyList<CaseRow>> QueueCases(Marten.Services.BatchQuerying.IBatchedQuery batch, DateTimeOffset at, TimeSpan grace)
    {
        var from = at - grace - TimeSpan.FromDays(1);
        var to = at + TimeSpan.FromDays(1);
        return batch.Query<CaseFile>().Where(c => c.ReplyDueAt != null && c.ReplyDueAt > from && c.ReplyDueAt <= to)
            .Select(c => new CaseRow(c.CaseNumber, c.UnitId, c.PersonId, c.ReplyDueAt, c.Charges)).ToList();
    }

    private static IEnumerable<Warning> Cases(IReadOnlyList<CaseRow> files, DateTimeOffset at, IReadOnlyDictionary<Guid, Unit> units)
    {
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

    /// <summary>The units owing <paramref name="month"/>'s report (the month whose report falls due next: last month's until its deadline passes).</summary>
    private static IEnumerable<Warning> Reports(IReadOnlyList<ReportRow> reports, ReportMonth month, DateTimeOffset dueAt, DateTimeOffset at, IEnumerable<Unit> units)
    {
        if (dueAt <= at) return [];

        var owing = units.Where(u => OfficeCalendar.DateOf(u.RegisteredAt) <= month.LastDay).ToList();
        // A report counts when it is the unit's one for the month: its id says so.
        var received = reports.Where(r => r.Id == MonthlyReport.IdOf(r.UnitId, month)).Select(r => r.UnitId).ToHashSet();
        var deadline = TimeZoneInfo.ConvertTime(dueAt, OfficeCalendar.Zone).AddTicks(-1);
        return owing.Where(u => !received.Contains(u.Id)).Select(u => new Warning("monthlyReport", "yellow",
            $"{u.Code} {u.Name}: the work report for {month} is due by the end of {deadline:yyyy-MM-dd} and has not been received.",
            UnitId: u.Id, Month: month.ToString(), Clause: MonthlyReportDeadlines.Clause, DueAt: dueAt));
    }
}
