using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Microsoft.Extensions.Configuration;

namespace Hotline.Ledger.SelfChecks;

public sealed record SelfCheckView(
    Guid Id, Guid UnitId, string Month, DateOnly DueOn, SelfCheckStatus Status, DateTimeOffset FirstSubmittedAt,
    DateTimeOffset SubmittedAt, string SubmittedBy, IReadOnlyList<SelfCheckItem> Items, string? Summary, int Submissions) : IViewOf<SelfCheck, SelfCheckView>
{
    static SelfCheckView IViewOf<SelfCheck, SelfCheckView>.Of(SelfCheck check, IServiceProvider services) => Of(check);

    public static SelfCheckView Of(SelfCheck c)
    {
        var latest = c.Versions[^1];
        var onTime = OfficeCalendar.DateOf(c.FirstSubmittedAt) <= c.DueOn;
        return new(c.Id, c.UnitId, c.Month, c.DueOn, onTime ? SelfCheckStatus.OnTime : SelfCheckStatus.Late, c.FirstSubmittedAt, latest.SubmittedAt,
            latest.SubmittedBy, latest.Items, latest.Summary, c.Versions.Count);
    }
}

/// <summary>A month of the year as the office sees it on a date: submitted on time, late, missing or still open.</summary>
public sealed record SelfCheckMonth(string Month, DateOnly DueOn, SelfCheckStatus Status, DateTimeOffset? SubmittedAt, IReadOnlyList<SelfCheckItem>? Items)
{
    /// <summary>The columns of the downloaded list (ADR 0082): a month a row, its items in one cell.</summary>
    public static readonly IReadOnlyList<Column<SelfCheckMonth>> Columns =
    [
        new("月份", m => m.Month), new("截止日期", m => m.DueOn),
        new("状态", m => m.Status switch { SelfCheckStatus.OnTime => "按时自查", SelfCheckStatus.Late => "逾期自查", SelfCheckStatus.Missing => "未自查", _ => "未到期" }),
        new("自评合计", m => m.Items?.Sum(i => i.Points)), new("报送时间（北京时间）", m => m.SubmittedAt),
        new("自评明细", m => m.Items is null ? null : string.Join("; ", m.Items.Select(i => $"{i.Clause} {i.Points.ToString("0.##", CultureInfo.InvariantCulture)}{(string.IsNullOrWhiteSpace(i.Note) ? "" : "（" + i.Note + "）")}"))),
    ];
}

public static class SelfCheckEndpoints
{
    /// <summary>Every month of a year up to asOf, with late and missing self-checks plain to see.</summary>
    [WolverineGet("/api/units/{id}/self-checks", OperationId = "listSelfChecks")]
    public static async Task<JsonOrFile<IReadOnlyList<SelfCheckMonth>>> List(Guid id, IQuerySession session, TimeProvider clock, IConfiguration config, YearFilter year, string? asOf,
        string? format, HttpContext http)
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<IReadOnlyList<SelfCheckMonth>>.Refused(unknown);
        if (await session.LoadAsync<Unit>(id) is null) return JsonOrFile<IReadOnlyList<SelfCheckMonth>>.Refused(Problems.NotFoundProblem("unit", id));
        var today = OfficeCalendar.Today(clock);
        var on = today;
        if (!string.IsNullOrWhiteSpace(asOf) && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            return JsonOrFile<IReadOnlyList<SelfCheckMonth>>.Refused(Problems.InvalidProblem("asOf", "query.date", "asOf"));
        var y = year.Year ?? on.Year;
        if (!string.IsNullOrWhiteSpace(asOf) && AssessmentYear.AsOfOutside(y, on) is not null) return JsonOrFile<IReadOnlyList<SelfCheckMonth>>.Refused(Problems.InvalidProblem("asOf", AssessmentYear.Code, on, y));
        // Without asOf, a past year is seen as of today, so that a late self-check shows as late, not missing.
        var lastDay = on < OfficeCalendar.LastDayOf(y) ? on : OfficeCalendar.LastDayOf(y);

        var seenBy = OfficeCalendar.EndOf(on);
        var checks = (await session.Query<SelfCheck>().Where(c => c.UnitId == id && c.Year == y).ToListAsync()).ToDictionary(c => c.Month);
        var months = new List<SelfCheckMonth>();
        for (var m = new DateOnly(y, 1, 1); m <= lastDay; m = m.AddMonths(1))
        {
            var month = SelfCheckMonths.Of(m);
            var due = SelfCheckMonths.DueOn(month, config);
            var submitted = checks.GetValueOrDefault(month)?.Versions.Where(v => v.SubmittedAt < seenBy).ToList();
            if (submitted is { Count: > 0 })
            {
                var onTime = OfficeCalendar.DateOf(submitted[0].SubmittedAt) <= due;
                months.Add(new(month, due, onTime ? SelfCheckStatus.OnTime : SelfCheckStatus.Late, submitted[^1].SubmittedAt, submitted[^1].Items));
            }
            else
            {
                months.Add(new(month, due, on > due ? SelfCheckStatus.Missing : SelfCheckStatus.Open, null, null));
            }
        }

        if (export is { } chosen) return JsonOrFile<IReadOnlyList<SelfCheckMonth>>.File(TableExport.File(http.Request, chosen, $"self-checks-{y}", "月度自查", SelfCheckMonth.Columns, months));
        return JsonOrFile<IReadOnlyList<SelfCheckMonth>>.Json(months);
    }
}
