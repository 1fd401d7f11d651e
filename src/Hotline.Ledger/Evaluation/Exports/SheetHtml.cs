using System.Text;
using Hotline.Ledger.Exports;
using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Evaluation.Exports;

/// <summary>
/// A print-ready page in Chinese (A4 landscape, the layout of <see cref="PrintPage"/>): title, the facts of the query, the units' ranking
/// with the criteria headings, the individuals' ranking, the deductions with their causes, and the
/// issuer's signature with the date. Every text from the ledger is HTML-escaped.
/// </summary>
public static class SheetHtml
{
    public static string Write(SheetDocument doc)
    {
        var sheet = doc.Sheet;
        var html = PrintPage.Begin(doc.Title, "size: A4 landscape; margin: 15mm;",
            ".status { text-align: center; font-size: 12pt; margin: 0 0 8pt; }\n" +
            "dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2pt 12pt; font-size: 10pt; }\n" +
            "dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; word-break: break-all; }\n");
        if (doc.Status is not null) html.Append("<p class=\"status\">").Append(E(doc.Status)).Append("</p>\n");
        html.Append("<dl class=\"facts\">\n");
        foreach (var (label, value) in doc.Facts) html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
        html.Append("</dl>\n");

        Units(html, doc);
        People(html, doc);
        Deductions(html, sheet);

        return PrintPage.End(html, doc.Signature, ChineseDates.Of(doc.SignedOn));
    }

    private static void Units(StringBuilder html, SheetDocument doc)
    {
        var headings = doc.Sheet.Clauses.Where(c => c.AppliesTo == "unit" && c.Heading).ToList();
        html.Append("<h2>一、网络成员单位考评得分及排名</h2>\n<table>\n<thead><tr><th>名次</th><th>单位</th>");
        foreach (var h in headings) html.Append("<th>").Append(E(Short(h))).Append("<br>（").Append(Num(h.MaxPoints)).Append("分）</th>");
        html.Append("<th>指标得分</th><th>加分</th><th>减分</th><th>总分</th>");
        if (doc.Graded) html.Append("<th>等次</th><th>评语</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var u in doc.Sheet.Units)
        {
            html.Append("<tr><td class=\"num\">").Append(u.Rank).Append("</td><td>").Append(E(u.Name)).Append("</td>");
            foreach (var h in headings) html.Append("<td class=\"num\">").Append(Num(u.Subtotals.FirstOrDefault(s => s.Clause == h.Code)?.Points)).Append("</td>");
            html.Append("<td class=\"num\">").Append(Num(u.CriteriaTotal)).Append("</td><td class=\"num\">").Append(Signed(u.BonusTotal))
                .Append("</td><td class=\"num\">").Append(Signed(u.DeductionTotal)).Append("</td><td class=\"num\">").Append(Num(u.Total)).Append("</td>");
            if (doc.Graded) html.Append("<td>").Append(E(u.Grade ?? "")).Append("</td><td>").Append(E(doc.Remarks.GetValueOrDefault(u.UnitId) ?? "")).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void People(StringBuilder html, SheetDocument doc)
    {
        var leaves = doc.Sheet.Clauses.Where(c => c.AppliesTo == "person" && !c.Heading).ToList();
        html.Append("<h2>二、个人考评得分及排名</h2>\n<table>\n<thead><tr><th>名次</th><th>姓名</th><th>所在单位</th>");
        foreach (var c in leaves) html.Append("<th>").Append(E(c.Code)).Append("<br>（").Append(Num(c.MaxPoints)).Append("分）</th>");
        html.Append("<th>加分</th><th>减分</th><th>总分</th>");
        if (doc.Graded) html.Append("<th>等次</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var p in doc.Sheet.People)
        {
            html.Append("<tr><td class=\"num\">").Append(p.Rank).Append("</td><td>").Append(E(p.Name)).Append("</td><td>").Append(E(p.UnitName)).Append("</td>");
            foreach (var c in leaves) html.Append("<td class=\"num\">").Append(Num(p.Criteria.FirstOrDefault(s => s.Clause == c.Code)?.Points)).Append("</td>");
            html.Append("<td class=\"num\">").Append(Signed(p.BonusTotal)).Append("</td><td class=\"num\">").Append(Signed(p.DeductionTotal))
                .Append("</td><td class=\"num\">").Append(Num(p.Total)).Append("</td>");
            if (doc.Graded) html.Append("<td>").Append(E(p.Grade ?? "")).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Deductions(StringBuilder html, ScoreSheet sheet)
    {
        html.Append("<h2>三、扣分情况及依据</h2>\n<table>\n<thead><tr><th>单位</th><th>个人</th><th>条款</th><th>分值</th><th>发生日期</th><th>案件编号/月份</th><th>事由</th></tr></thead>\n<tbody>\n");
        foreach (var (d, unit, person) in SheetTables.All(sheet))
        {
            html.Append("<tr><td>").Append(E(unit?.Name ?? "")).Append("</td><td>").Append(E(person ?? "")).Append("</td><td>").Append(E(d.Clause))
                .Append(d.Automatic ? "（自动）" : "").Append("</td><td class=\"num\">").Append(Signed(d.Points)).Append("</td><td>")
                .Append(E(ChineseDates.Of(d.OccurredOn))).Append("</td><td>").Append(E(d.CaseNumber ?? d.Month ?? "")).Append("</td><td>")
                .Append(E(d.Reason)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>"领导重视 Leadership attention" → "领导重视": the rulebook's Chinese name of a heading.</summary>
    private static string Short(SheetClause c)
    {
        var space = c.Title.IndexOf(' ');
        return $"{c.Code} {(space > 0 ? c.Title[..space] : c.Title)}";
    }

    private static string E(string text) => PrintPage.E(text);

    private static string Num(decimal? value) => value is { } v ? PrintPage.Num(v) : "—";

    private static string Signed(decimal value) => PrintPage.Signed(value);
}
