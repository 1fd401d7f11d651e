using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>
/// A subject's total, or a unit's rank, on every day of a year from <c>from</c> to <c>to</c> (default: 1 January to
/// the scorecard's default asOf), as the ledger stood at <c>knownAt</c> — each day equal to the scorecard, or the
/// ranking, at that day and instant (ADR 0085).
/// </summary>
public static class SeriesEndpoints
{
    [WolverineGet("/api/units/{id}/score/series", OperationId = "unitScoreSeries")]
    [AuditedRead(ReadKind.ScoreReplay, ReadSubject.RouteUnit)]
    public static Task<JsonOrFile<ScoreSeries>> UnitTotals(Guid id, SeriesQuery series, IQuerySession session, RulebookCatalog rulebooks, HttpContext http, string? format) =>
        ReplayedSubject.Answered(format, () => ReplayedSubject.Unit(session, http, id),
            (subject, _) => SeriesReader.Totals(session, rulebooks, SubjectKind.Unit, subject, series.Query, series.From, null, http.RequestAborted), Answer);

    [WolverineGet("/api/people/{id}/score/series", OperationId = "personScoreSeries")]
    [AuditedRead(ReadKind.ScoreReplay, ReadSubject.RoutePerson)]
    public static Task<JsonOrFile<ScoreSeries>> PersonTotals(Guid id, SeriesQuery series, IQuerySession session, RulebookCatalog rulebooks, HttpContext http, string? format) =>
        ReplayedSubject.Answered(format, () => ReplayedSubject.Person(session, http, id),
            (subject, person) => SeriesReader.Totals(session, rulebooks, SubjectKind.Person, subject, series.Query, series.From, person, http.RequestAborted), Answer);

    /// <summary>Every unit's score is replayed, as for a ranking: the read is on file without a subject.</summary>
    [WolverineGet("/api/units/{id}/rank/series", OperationId = "unitRankSeries")]
    [AuditedRead(ReadKind.ScoreReplay)]
    public static async Task<JsonOrFile<RankSeries>> UnitRanks(Guid id, SeriesQuery series, IQuerySession session, RulebookCatalog rulebooks, HttpContext http, string? format)
    {
        if (TableExport.Refusal(format) is { } badFormat) return JsonOrFile<RankSeries>.Refused(badFormat);
        if (await session.LoadAsync<Unit>(id, http.RequestAborted) is not { } unit) return JsonOrFile<RankSeries>.Refused(Problems.NotFoundProblem("unit", id));
        var ranks = await SeriesReader.Ranks(session, rulebooks, unit, series.Query, series.From, http.RequestAborted);
        var (json, download) = TableExport.Choose(format, () => new SheetTable("ranks", "逐日排名",
            [new("date", "日期"), new("rank", "名次"), new("of", "单位数"), new("total", "总分")],
            ranks.Days.Select(d => new object?[] { d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Rank, d.Of, d.Total }).ToList()),
            $"rank-{ranks.Subject.Code}-{ranks.Year}");
        return json ? JsonOrFile<RankSeries>.Json(ranks) : JsonOrFile<RankSeries>.File(download!);
    }

    private static JsonOrFile<ScoreSeries> Answer(ScoreSeries series, string? format)
    {
        var (json, download) = TableExport.Choose(format, () => new SheetTable("totals", "逐日总分",
            [new("date", "日期"), new("total", "总分")],
            series.Days.Select(d => new object?[] { d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Total }).ToList()),
            $"totals-{series.Subject.Code ?? series.Subject.Id.ToString("N")[..8]}-{series.Year}");
        return json ? JsonOrFile<ScoreSeries>.Json(series) : JsonOrFile<ScoreSeries>.File(download!);
    }
}
