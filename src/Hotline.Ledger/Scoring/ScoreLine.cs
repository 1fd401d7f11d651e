using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Scoring;

/// <summary>A line of a downloaded scorecard (ADR 0082): each criterion as scored, then the totals, as the scorecard prints them.</summary>
public sealed record ScoreLine(string Clause, string Title, decimal? MaxPoints, decimal? Points, string? Source)
{
    public static readonly IReadOnlyList<Column<ScoreLine>> Columns =
    [
        new("条款", l => l.Clause), new("考评内容", l => l.Title), new("满分", l => l.MaxPoints), new("得分", l => l.Points), new("来源", l => l.Source),
    ];

    public static IEnumerable<ScoreLine> Of(Scorecard card) =>
        card.Criteria.Select(c => new ScoreLine(c.Clause, c.Title, c.MaxPoints, c.Points, c.Source switch { "mark" => "评分", "computed" => "计算", var s => s }))
            .Append(new ScoreLine("", "基础分", null, card.CriteriaTotal, null))
            .Append(new ScoreLine("", "加分", null, card.BonusTotal, null))
            .Append(new ScoreLine("", "减分", null, card.DeductionTotal, null))
            .Append(new ScoreLine("", $"总分（截至 {card.AsOf:yyyy-MM-dd}，考评办法 {card.Rulebook}）", null, card.Total, null));
}
