using System.Globalization;
using System.Text;

namespace Hotline.Ledger.Evidence;

/// <summary>
/// The evidence trail as CSV for spreadsheet programs: UTF-8 with a BOM (so Chinese text opens
/// correctly), a header row, and cells that a spreadsheet would run as a formula neutralised.
/// </summary>
public static class EvidenceCsv
{
    /// <summary>The office reads the headers: Chinese, one per field of <see cref="EvidenceRow"/>, in its order.</summary>
    public static readonly string[] Header =
    [
        "类别", "编号", "条款", "分值", "单位编号", "单位名称", "人员编号", "人员姓名", "发生日期", "记录时间（UTC）", "记录人",
        "事由", "证据", "状态", "撤销时间（UTC）", "撤销人", "撤销理由", "案件编号", "自动记录",
        "被申诉记录编号", "申诉编号", "月份",
    ];

    /// <summary>Writes the trail to <paramref name="output"/> line by line (a download of every row is not held as one string).</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<EvidenceRow> rows, CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var r in rows)
        {
            Line(text, Cells(r));
            if (text.Length < 64 * 1024) continue;
            await writer.WriteAsync(text, cancellation);
            text.Clear();
        }

        await writer.WriteAsync(text, cancellation);
        await writer.FlushAsync(cancellation);
    }

    /// <summary>The row's cells in the order of <see cref="Header"/>, as text (the CSV's and the workbook's).</summary>
    public static string[] Cells(EvidenceRow r) =>
    [
        r.What, r.Id.ToString(), r.Clause, r.Points.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture),
        r.UnitId?.ToString() ?? "", r.UnitName ?? "", r.PersonId?.ToString() ?? "", r.PersonName ?? "",
        r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), r.RecordedBy,
        r.Reason, string.Join("; ", r.Evidence.Select(e => e.Sha256 is null ? $"{e.Title} <{e.Reference}>" : $"{e.Title} <{e.Reference}> sha256:{e.Sha256}")),
        r.Status, r.Rescission?.RescindedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? "",
        r.Rescission?.RescindedBy ?? "", r.Rescission?.Reason ?? "", r.CaseNumber ?? "", r.Automatic ? "true" : "false",
        r.EntryId?.ToString() ?? "", r.AppealId?.ToString() ?? "", r.Month ?? "",
    ];

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    /// <summary>Quotes every cell; one that starts like a formula gets a leading apostrophe.</summary>
    public static string Cell(string value)
    {
        // Points are the one column that is signed on purpose; everything else starting with these is text.
        var neutral = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsSignedNumber(value)
            ? "'" + value
            : value;
        return "\"" + neutral.Replace("\"", "\"\"") + "\"";
    }

    private static bool IsSignedNumber(string value) =>
        value[0] is '+' or '-' && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
