using MiniExcelLibs;

namespace Hotline.Ledger.Exports;

/// <summary>
/// A sheet as an Excel workbook (MiniExcel): a 说明 sheet with the query that produced it, then one
/// sheet per table with the office's Chinese headers. Points are numbers, so the office can sum them.
/// The package is made byte-stable afterwards (<see cref="StablePackage"/>): the same sheet, the same bytes.
/// </summary>
public static class SheetXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A 说明 sheet of the facts, then one sheet per table, under its label.</summary>
    public static byte[] Write(IReadOnlyList<(string Label, string Value)> facts, IReadOnlyList<SheetTable> tables)
    {
        var sheets = new Dictionary<string, object>
        {
            ["说明"] = facts.Select(f => new Dictionary<string, object?> { ["项目"] = f.Label, ["内容"] = f.Value }).ToList(),
        };
        foreach (var table in tables) sheets[table.Label] = Rows(table);
        return Save(sheets);
    }

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return StablePackage.Of(stream.ToArray());
    }

    /// <summary>One table alone, one sheet under its label.</summary>
    public static byte[] Write(SheetTable table) =>
        Save(new Dictionary<string, object> { [table.Label] = Rows(table) });

    private static List<Dictionary<string, object?>> Rows(SheetTable table)
    {
        var rows = table.Rows
            .Select(row => table.Columns.Select((c, i) => (c.Label, row[i])).ToDictionary(x => x.Label, x => x.Item2))
            .ToList();
        // An empty table still shows its headers.
        if (rows.Count == 0) rows.Add(table.Columns.ToDictionary(c => c.Label, _ => (object?)null));
        return rows;
    }
}
