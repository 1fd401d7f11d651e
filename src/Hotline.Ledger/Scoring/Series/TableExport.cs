using Hotline.Ledger.Exports;
using Hotline.Ledger.Http;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>
/// A read's rows as a download, by <c>?format=csv|xlsx</c> (json, or none, is the JSON answer): the sheets' own CSV
/// (UTF-8 with a BOM, Chinese headers, formula-like text neutralised) and a one-sheet workbook made byte-stable.
/// </summary>
public static class TableExport
{
    /// <summary>A 400 naming 'format' unless it is json, csv or xlsx (or absent): asked before anything is read.</summary>
    public static IResult? Refusal(string? format) =>
        format?.ToLowerInvariant() is null or "" or "json" or "csv" or "xlsx" ? null : Problems.Invalid("format", "table.format.unknown");

    /// <summary>The chosen download, null for JSON, or a 400 naming 'format'.</summary>
    public static (bool Json, IResult? Answer) Choose(string? format, Func<SheetTable> table, string fileName)
    {
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "json":
                return (true, null);
            case "csv":
                return (false, Results.File(SheetCsv.Write(table()), "text/csv; charset=utf-8", fileName + ".csv"));
            case "xlsx":
                var t = table();
                var rows = t.Rows.Select(r => t.Columns.Select((c, i) => (c.Label, r[i])).ToDictionary(x => x.Label, x => x.Item2)).ToList();
                if (rows.Count == 0) rows.Add(t.Columns.ToDictionary(c => c.Label, _ => (object?)null));
                using (var stream = new MemoryStream())
                {
                    stream.SaveAs(new Dictionary<string, object> { [t.Label] = rows }, excelType: ExcelType.XLSX);
                    return (false, Results.File(StablePackage.Of(stream.ToArray()), SheetXlsx.ContentType, fileName + ".xlsx"));
                }

            default:
                return (false, Problems.Invalid("format", "table.format.unknown"));
        }
    }
}
