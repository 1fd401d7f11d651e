using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>The bundle's tables as CSV, written as every export is (<see cref="CsvText"/>), a header row of Chinese labels.</summary>
public static class BundleCsv
{
    public static byte[] Entries(ReferralBundle b) => CsvText.Write(
        ["条目编号", "条款", "分值", "发生日期", "案件编号", "月份", "事由", "记录时间（UTC）", "记录人", "状态",
            "撤销时间（UTC）", "撤销人", "撤销理由", "自动记录", "申诉编号", "计入考评结果", "考评结果后撤销", "问责依据引用", "证据项数"],
        b.Entries.Select(x =>
        {
            var e = x.Entry;
            return new[]
            {
                e.Id.ToString(), e.Clause, CsvText.Points(e.Points), CsvText.Date(e.OccurredOn), e.CaseNumber ?? "", e.Month ?? "",
                e.Reason, CsvText.Instant(e.RecordedAt), e.RecordedBy, StatusWord.Of(e.Status), CsvText.Instant(e.Rescission?.RescindedAt), e.Rescission?.RescindedBy ?? "",
                e.Rescission?.Reason ?? "", CsvText.Flag(e.Automatic), e.AppealId?.ToString() ?? e.Rescission?.AppealId?.ToString() ?? "",
                CsvText.Flag(x.CountedInResult), CsvText.Flag(x.RescindedSinceResult), CsvText.Flag(x.CitedByGrounds),
                e.Evidence.Count.ToString(CultureInfo.InvariantCulture),
            };
        }));

    /// <summary>One row per evidence item: the entries' and the appeals'.</summary>
    public static byte[] Evidence(ReferralBundle b) => CsvText.Write(
        ["来源", "来源编号", "条目编号", "证据名称", "出处", "SHA-256"],
        b.Entries.SelectMany(x => x.Entry.Evidence.Select(e => new[] { "entry", x.Entry.Id.ToString(), x.Entry.Id.ToString(), e.Title, e.Reference, e.Sha256 ?? "" }))
            .Concat(b.Appeals.SelectMany(a => a.Evidence.Select(e => new[] { "appeal", a.Id.ToString(), a.EntryId?.ToString() ?? "", e.Title, e.Reference, e.Sha256 ?? "" }))));
}
