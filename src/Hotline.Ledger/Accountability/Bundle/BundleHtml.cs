using System.Text;
using Hotline.Ledger.Exports;
using Hotline.Ledger.Evaluation.Exports;
using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>
/// The bundle as a print-ready page in Chinese (A4 portrait, the layout of <see cref="PrintPage"/>): the subject and the grounds, the approved
/// result, every deduction with its evidence, the cases, the appeals and the spot checks, and the office's signature.
/// Every text from the ledger is HTML-escaped.
/// </summary>
public static class BundleHtml
{
    public static string Write(ReferralBundle b)
    {
        var r = b.Referral;
        var res = b.Result;
        var html = PrintPage.Begin(b.Title, "size: A4; margin: 18mm;",
            "ul.evidence { margin: 0; padding-left: 14pt; } .hash { font-family: monospace; font-size: 8pt; word-break: break-all; }\n");

        html.Append("<h2>一、移送对象及依据</h2>\n<table>\n<tbody>\n");
        Row(html, "对象", r.Kind == Commendations.Review.Candidates.UnitKind ? $"{r.Name}（单位代码 {r.UnitCode}）" : $"{r.Name}（{r.UnitName}）");
        foreach (var g in r.Grounds)
            Row(html, "依据", g.Kind == ReferralGrounds.ClauseGround
                ? $"{g.Clause}：{g.EntryIds.Count}次，合计{Signed(g.Points)}分"
                : $"全年减分合计{Signed(g.Points)}分，达到问责阈值");
        Row(html, "移送时间", $"{ChineseDates.Of(r.ReferredAt)}，{r.ReferredBy}");
        if (r.Note is not null) Row(html, "说明", r.Note);
        html.Append("</tbody>\n</table>\n");

        html.Append("<h2>二、年度考评结果（经批准）</h2>\n<table>\n<tbody>\n");
        Row(html, "考评年度", $"{res.Year}年");
        Row(html, "名次 / 总分 / 等次", $"第{res.Rank}名 / {Num(res.Total)}分 / {res.Grade ?? "—"}");
        Row(html, "指标得分 / 加分 / 减分", $"{Num(res.CriteriaTotal)} / {Signed(res.BonusTotal)} / {Signed(res.DeductionTotal)}");
        Row(html, "批准", res.ApprovedAt is { } at ? $"{ChineseDates.Of(at)}，{res.ApprovedBy}" : "—");
        Row(html, "统计截止日期 / 数据截至", $"{ChineseDates.Of(res.AsOf)} / {ChineseDates.Of(res.KnownAt)}（北京时间）");
        Row(html, "考评编号", res.EvaluationId.ToString());
        Row(html, "内容SHA-256", res.Sha256);
        html.Append("</tbody>\n</table>\n");

        html.Append("<h2>三、扣分记录及证据材料</h2>\n<table>\n<thead><tr><th>条款</th><th>分值</th><th>发生日期</th><th>案件编号/月份</th><th>事由</th><th>记录</th><th>状态</th><th>证据材料</th></tr></thead>\n<tbody>\n");
        foreach (var x in b.Entries)
        {
            var e = x.Entry;
            html.Append("<tr><td>").Append(E(e.Clause)).Append(e.Automatic ? "（自动）" : "").Append("</td><td class=\"num\">").Append(Signed(e.Points))
                .Append("</td><td>").Append(E(ChineseDates.Of(e.OccurredOn))).Append("</td><td>").Append(E(e.CaseNumber ?? e.Month ?? ""))
                .Append("</td><td>").Append(E(e.Reason)).Append("</td><td>").Append(E($"{ChineseDates.Of(e.RecordedAt)}，{e.RecordedBy}"))
                .Append("</td><td>").Append(E(Status(x))).Append("</td><td>");
            Evidence(html, e.Evidence);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");

        html.Append("<h2>四、案件情况</h2>\n");
        if (b.Cases.Count == 0) html.Append("<p>无。</p>\n");
        else
        {
            html.Append("<table>\n<thead><tr><th>案件编号</th><th>状态</th><th>答复时限</th><th>办理过程</th></tr></thead>\n<tbody>\n");
            foreach (var c in b.Cases)
            {
                html.Append("<tr><td>").Append(E(c.CaseNumber)).Append("</td><td>").Append(E(c.Case is { } file ? StatusWord.Of(file.Status) : "平台未推送")).Append("</td><td>")
                    .Append(E(c.Case?.ReplyDueAt is { } due ? ChineseDates.Of(due) : "—")).Append("</td><td>");
                if (c.Case is { Facts.Count: > 0 } known)
                    html.Append(E(string.Join("；", known.Facts.Select(f => $"{ChineseDates.Of(f.At)} {f.Type}"))));
                else html.Append('—');
                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>五、申诉情况</h2>\n");
        if (b.Appeals.Count == 0) html.Append("<p>无。</p>\n");
        else
        {
            html.Append("<table>\n<thead><tr><th>被申诉条目</th><th>提出</th><th>理由</th><th>结果</th></tr></thead>\n<tbody>\n");
            foreach (var a in b.Appeals)
            {
                var outcome = a.Decision is { } d
                    ? $"{(d.Outcome == Appeals.Appeal.Upheld ? "支持" : "驳回")}（{ChineseDates.Of(d.DecidedAt)}，{d.DecidedBy}）：{d.Reason}"
                    : "待处理";
                html.Append("<tr><td>").Append(E(a.EntryId?.ToString() ?? a.Clause)).Append("</td><td>").Append(E($"{ChineseDates.Of(a.FiledAt)}，{a.FiledBy}"))
                    .Append("</td><td>").Append(E(a.Reason)).Append("</td><td>").Append(E(outcome)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>六、抽查情况</h2>\n");
        if (b.SpotChecks.Count == 0) html.Append("<p>无。</p>\n");
        else
        {
            html.Append("<table>\n<thead><tr><th>抽查日期</th><th>范围</th><th>发现问题</th><th>记录</th></tr></thead>\n<tbody>\n");
            foreach (var c in b.SpotChecks)
            {
                html.Append("<tr><td>").Append(E(ChineseDates.Of(c.CheckedOn))).Append("</td><td>").Append(E(c.Scope)).Append("</td><td>").Append(E(c.Findings))
                    .Append("</td><td>").Append(E($"{ChineseDates.Of(c.RecordedAt)}，{c.RecordedBy}")).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        return PrintPage.End(html, SheetFacts.Issuer, ChineseDates.Of(OfficeCalendar.DateOf(r.ReferredAt)));
    }

    private static string Status(BundleEntry x) => x.Entry.Rescission is { } rescission
        ? $"已撤销（{ChineseDates.Of(rescission.RescindedAt)}，{rescission.RescindedBy}：{rescission.Reason}）{(x.RescindedSinceResult ? "，撤销于考评结果之后" : "")}"
        : x.CountedInResult ? "有效，计入考评结果" : "有效，考评结果之后记录";

    private static void Evidence(StringBuilder html, IReadOnlyList<EvidenceItem> items)
    {
        if (items.Count == 0) { html.Append('—'); return; }
        html.Append("<ul class=\"evidence\">");
        foreach (var item in items)
        {
            html.Append("<li>").Append(E(item.Title)).Append("：").Append(E(item.Reference));
            if (item.Sha256 is not null) html.Append("<br><span class=\"hash\">SHA-256 ").Append(E(item.Sha256)).Append("</span>");
            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string E(string text) => PrintPage.E(text);

    private static string Num(decimal value) => PrintPage.Num(value);

    private static string Signed(decimal value) => PrintPage.Signed(value);
}
