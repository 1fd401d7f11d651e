using System.Globalization;
using Hotline.Ledger.Evaluation.Exports;
using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>
/// A subject's total, or a unit's rank, on every day of a year from <c>from</c> to <c>to</c> (default: 1 January to
/// the scorecard's default asOf), as the ledger stood at <c>knownAt</c> — each day equal to the scorecard, or the
/// ranking, at that day and instant (ADR 0085).
/// </summary>
public static class SeriesEndpoints
{
    [WolverineGet("/api/units/{id}/score/series", OperationId = "unitScoreSeries")]
    public static async Task<IResult> UnitTotals(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock, ReadAudit audit,
        HttpContext http, string? year, string? from, string? to, string? knownAt, string? format)
    {
        var (q, start, fault) = Parse(year, from, to, knownAt, clock);
        if (fault is not null) return fault;
        if (TableExport.Refusal(format) is { } badFormat) return badFormat;
        var (subject, _, missing) = await ReplayedSubject.Unit(session, audit, http, id);
        if (missing is not null) return missing;
        return Answer(await SeriesReader.Totals(session, rulebooks, SubjectKind.Unit, subject!, q!, start, null, http.RequestAborted), format);
    }

    [WolverineGet("/api/people/{id}/score/series", OperationId = "personScoreSeries")]
    public static async Task<IResult> PersonTotals(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock, ReadAudit audit,
        HttpContext http, string? year, string? from, string? to, string? knownAt, string? format)
    {
        var (q, start, fault) = Parse(year, from, to, knownAt, clock);
        if (fault is not null) return fault;
        if (TableExport.Refusal(format) is { } badFormat) return badFormat;
        var (subject, person, missing) = await ReplayedSubject.Person(session, audit, http, id);
        if (missing is not null) return missing;
        return Answer(await SeriesReader.Totals(session, rulebooks, SubjectKind.Person, subject!, q!, start, person, http.RequestAborted), format);
    }

    [WolverineGet("/api/units/{id}/rank/series", OperationId = "unitRankSeries")]
    public static async Task<IResult> UnitRanks(Guid id, IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock, ReadAudit audit,
        HttpContext http, string? year, string? from, string? to, string? knownAt, string? format)
    {
        var (q, start, fault) = Parse(year, from, to, knownAt, clock);
        if (fault is not null) return fault;
        if (TableExport.Refusal(format) is { } badFormat) return badFormat;
        if (await session.LoadAsync<Unit>(id, http.RequestAborted) is not { } unit) return Problems.NotFound("unit", id);
        // Every unit's score is replayed, as for a ranking.
        await audit.RecordAsync(http, ReadKind.ScoreReplay, cancellation: http.RequestAborted);
        var ranks = await SeriesReader.Ranks(session, rulebooks, unit, q!, start, http.RequestAborted);
        var (json, download) = TableExport.Choose(format, () => new SheetTable("ranks", "逐日排名",
            [new("date", "日期"), new("rank", "名次"), new("of", "单位数"), new("total", "总分")],
            ranks.Days.Select(d => new object?[] { d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Rank, d.Of, d.Total }).ToList()),
            $"rank-{ranks.Subject.Code}-{ranks.Year}");
        return json ? Results.Ok(ranks) : download!;
    }

    private static IResult Answer(ScoreSeries series, string? format)
    {
        var (json, download) = TableExport.Choose(format, () => new SheetTable("totals", "逐日总分",
            [new("date", "日期"), new("total", "总分")],
            series.Days.Select(d => new object?[] { d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Total }).ToList()),
            $"totals-{series.Subject.Code ?? series.Subject.Id.ToString("N")[..8]}-{series.Year}");
        return json ? Results.Ok(series) : download!;
    }

    /// <summary>year and knownAt as a scorecard reads them; to as its asOf (its default too); from a date of the year, not after to.</summary>
    private static (ScoreQuery? Query, DateOnly From, IResult? Fault) Parse(string? year, string? from, string? to, string? knownAt, TimeProvider clock)
    {
        DateOnly? Date(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (!string.IsNullOrWhiteSpace(to) && Date(to) is null) return (null, default, Problems.Invalid("to", "query.date", "to"));
        if (!string.IsNullOrWhiteSpace(from) && Date(from) is null) return (null, default, Problems.Invalid("from", "query.date", "from"));
        var (q, fault) = ScoreQuery.Parse(year ?? Date(to)?.Year.ToString(CultureInfo.InvariantCulture), null, knownAt, clock);
        if (q is null) return (null, default, Problems.Invalid(fault!));

        var last = Date(to) ?? q.AsOf;
        var first = Date(from) ?? q.YearStart;
        if (last.Year != q.Year) return (null, default, Problems.Invalid("to", "series.outsideYear", "to", last, q.Year));
        if (first.Year != q.Year) return (null, default, Problems.Invalid("from", "series.outsideYear", "from", first, q.Year));
        if (last < first) return (null, default, Problems.Invalid("to", "query.range", "to", "from"));
        return (q with { AsOf = last }, first, null);
    }
}
