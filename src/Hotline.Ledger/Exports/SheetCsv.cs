namespace Hotline.Ledger.Exports;

/// <summary>One table of a sheet as CSV, written as every export is (<see cref="CsvText"/>), the office's Chinese labels as the header.</summary>
public static class SheetCsv
{
    public static byte[] Write(SheetTable table) =>
        CsvText.Write(table.Columns.Select(c => c.Label), table.Rows.Select(row => row.Select((value, i) => Format(value, table.Columns[i]))));

    public static string Format(object? value, SheetColumn column) => value switch
    {
        null => "",
        decimal d => d.ToString(column.Signed ? "+0.##;-0.##;0" : "0.##", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
