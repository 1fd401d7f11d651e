using System.Globalization;
using System.Text;
using Hotline.Ledger.Evidence;

namespace Hotline.Ledger.Evaluation.Exports;

/// <summary>
/// One table of a sheet as CSV, written like the evidence trail's: UTF-8 with a BOM, a header row of the office's Chinese labels,
/// every cell quoted and formula-like text neutralised (<see cref="EvidenceCsv.Cell"/>).
/// </summary>
public static class SheetCsv
{
    public static byte[] Write(SheetTable table)
    {
        var text = new StringBuilder();
        Line(text, table.Columns.Select(c => c.Label));
        foreach (var row in table.Rows)
            Line(text, row.Select((value, i) => Format(value, table.Columns[i])));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Format(object? value, SheetColumn column) => value switch
    {
        null => "",
        decimal d => d.ToString(column.Signed ? "+0.##;-0.##;0" : "0.##", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(EvidenceCsv.Cell));
        text.Append("\r\n");
    }
}
