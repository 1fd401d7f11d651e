using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Evidence;

/// <summary>The evidence trail as CSV for spreadsheet programs, written as every export is (<see cref="CsvText"/>).</summary>
public static class EvidenceCsv
{
    /// <summary>The office reads the headers: Chinese, one per field of <see cref="EvidenceRow"/>, in its order.</summary>
    public static readonly string[] Header =
    [
        "类别", "编号", "条款", "分值", "单位编号", "单位名称", "人员编号", "人员姓名", "发生日期", "记录时间（UTC）", "记录人",
        "事由", "证据", "状态", "撤销时间（UTC）", "撤销人", "撤销理由", "案件编号", "自动记录",
        "被申诉记录编号", "申诉编号", "月份",
    ];

    /// <summary>Writes the trail to <paramref name="output"/> in blocks (a download of every row is not held as one string).</summary>
    public static Task WriteAsync(Stream output, IEnumerable<EvidenceRow> rows, CancellationToken cancellation) =>
        CsvText.WriteAsync(output, Header, rows.Select(Cells), cancellation);

    /// <summary>A row's cells, in the order of <see cref="Header"/> (the CSV's, and the workbook's).</summary>
    public static string[] Cells(EvidenceRow r) =>
    [
        r.What, r.Id.ToString(), r.Clause, CsvText.Points(r.Points),
        r.UnitId?.ToString() ?? "", r.UnitName ?? "", r.PersonId?.ToString() ?? "", r.PersonName ?? "",
        CsvText.Date(r.OccurredOn), CsvText.Instant(r.RecordedAt), r.RecordedBy,
        r.Reason, string.Join("; ", r.Evidence.Select(e => e.Sha256 is null ? $"{e.Title} <{e.Reference}>" : $"{e.Title} <{e.Reference}> sha256:{e.Sha256}")),
        r.Status, CsvText.Instant(r.Rescission?.RescindedAt),
        r.Rescission?.RescindedBy ?? "", r.Rescission?.Reason ?? "", r.CaseNumber ?? "", CsvText.Flag(r.Automatic),
        r.EntryId?.ToString() ?? "", r.AppealId?.ToString() ?? "", r.Month ?? "",
    ];
}
