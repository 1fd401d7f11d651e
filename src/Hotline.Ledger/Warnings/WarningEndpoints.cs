using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Exports;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

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
        var month = ReportMonth.Of(date.AddMonths(-1));

        // One round trip for the session's rows while both kinds' counts are summed on connections of their own (ADR 0178).
        var counts = RateLights.Counts(session, query, http.RequestAborted);
        var batch = session.CreateBatchQuery();
        var unitRows = batch.Query<Unit>().ToList();
        var lightRows = RateLights.Queue(batch, rulebook, query);
        var caseRows = WarningReader.QueueCases(batch, at, options.Value.FeedGrace);
        var reportRows = batch.Query<MonthlyReport>().Where(r => r.Month == month.ToString()).Select(r => new WarningReader.ReportRow(r.Id, r.UnitId)).ToList();
        await batch.Execute(http.RequestAborted);
        var units = (await unitRows).ToDictionary(u => u.Id);

        var warnings = new List<Warning>();
        warnings.AddRange(await RateLights.Judged(session, rulebook, query, units, counts, lightRows, http.RequestAborted));
        warnings.AddRange(WarningReader.Cases(await caseRows, at, units));
        warnings.AddRange(WarningReader.Reports(await reportRows, month, month.DueAt(rulebooks), at, units.Values));

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
}
