using Hotline.Ledger.Exports;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.Province;

/// <summary>Every city at one point on both clocks: <see cref="AsOf"/> (business date) as the ledgers stood at <see cref="KnownAt"/>.</summary>
public sealed record ProvinceSummary(int Year, DateOnly AsOf, DateTimeOffset KnownAt, IReadOnlyList<CitySummary> Cities)
{
    /// <summary>City by city, each through its own ledger, one after the other.</summary>
    public static async Task<ProvinceSummary> Read(IProvinceCities province, ScoreQuery q, CancellationToken cancellation)
    {
        var rows = new List<CitySummary>();
        foreach (var city in await province.ListAsync(cancellation))
        {
            await using var ledger = await province.OpenAsync(city.Code, cancellation);
            // A city removed between the list and the read is left out rather than failing the whole summary.
            if (ledger is not null) rows.Add(await CitySummary.Of(ledger, q));
        }

        return new ProvinceSummary(q.Year, q.AsOf, q.KnownAt, rows);
    }

    /// <summary>The summary as a downloaded table: a row per city, the grade bands as columns in the order the first city's rulebook lists them.</summary>
    public IReadOnlyList<Column<CitySummary>> Columns()
    {
        var bands = Cities.SelectMany(c => c.Grades.Select(g => g.Grade)).Distinct().ToList();
        List<Column<CitySummary>> columns =
        [
            new("城市代码", c => c.Code), new("城市", c => c.Name), new("状态", c => c.InService ? "在用" : "已停用"), new("考评办法", c => c.Rulebook), new("成员单位数", c => c.Units),
            new("交办件数", c => c.Cases), new("办结件数", c => c.Completed), new("办结率", c => c.CompletionRate),
            new("应答复件数", c => c.ReplyDue), new("按时答复件数", c => c.RepliedOnTime), new("按时答复率", c => c.ReplyRate),
        ];
        columns.AddRange(bands.Select(b => new Column<CitySummary>($"{b}（单位数）", c => c.Grades.FirstOrDefault(g => g.Grade == b)?.Units)));
        return columns;
    }
}
