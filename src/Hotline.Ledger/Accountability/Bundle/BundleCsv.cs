using System.Globalization;
using System.Text;
using Hotline.Ledger.Evidence;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>
/// The bundle's tables as CSV, written like the evidence trail's: UTF-8 with a BOM, a header row of Chinese labels, every
/// cell quoted and formula-like text neutralised (<see cref="EvidenceCsv.Cell"/>).
/// </summary>
public static class BundleCsv
{
    public static byte[] Entries(ReferralBundle b) => Write(
        ["条目编号", "条款", "分值", "发生日期", "案件编号", "月份", "事由", "记录时间（UTC）", "记录人", "状态",
            "撤销时间（UTC）", "撤销人", "撤销理由", "自动记录", "申诉编号", "计入考评结果", "考评结果后撤销", "问责依据引用", "证据项数"],
        b.Entries.Select(x =>
        {
            var e = x.Entry;
            return new[]
            {
                e.Id.ToString(), e.Clause, e.Points.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture), Date(e.OccurredOn), e.CaseNumber ?? "", e.Month ?? "",
                e.Reason, Instant(e.RecordedAt), e.RecordedBy, e.Status, e.Rescission is { } r ? Instant(r.RescindedAt) : "", e.Rescission?.RescindedBy ?? "",
                e.Rescission?.Reason ?? "", e.Automatic ? "true" : "false", e.AppealId?.ToString() ?? e.Rescission?.AppealId?.ToString() ?? "",
                x.CountedInResult ? "true" : "false", x.RescindedSinceResult ? "true" : "false", x.CitedByGrounds ? "true" : "false",
                e.Evidence.Count.ToString(CultureInfo.InvariantCulture),
            };
        }));

    /// <summary>One row per evidence item: the entries' and the appeals'.</summary>
    public static byte[] Evidence(ReferralBundle b) => Write(
        ["来源", "来源编号", "条目编号", "证据名称", "出处", "SHA-256"],
        b.Entries.SelectMany(x => x.Entry.Evidence.Select(e => new[] { "entry", x.Entry.Id.ToString(), x.Entry.Id.ToString(), e.Title, e.Reference, e.Sha256 ?? "" }))
            .Concat(b.Appeals.SelectMany(a => a.Evidence.Select(e => new[] { "appeal", a.Id.ToString(), a.EntryId?.ToString() ?? "", e.Title, e.Reference, e.Sha256 ?? "" }))));

    private static byte[] Write(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows) Line(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(EvidenceCsv.Cell));
        text.Append("\r\n");
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
