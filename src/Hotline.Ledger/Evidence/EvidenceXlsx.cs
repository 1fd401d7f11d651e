using Hotline.Ledger.Evaluation.Exports;
using MiniExcelLibs;

namespace Hotline.Ledger.Evidence;

/// <summary>
/// The evidence trail as an Excel workbook: one sheet 证据链 with the CSV's Chinese headers and cells, the
/// points as numbers so that the inspector can sum them. Byte-stable like the sheets' workbooks (ADR 0072).
/// </summary>
public static class EvidenceXlsx
{
    public const string ContentType = SheetXlsx.ContentType;

    public static byte[] Write(IReadOnlyList<EvidenceRow> rows)
    {
        var pointsColumn = Array.IndexOf(EvidenceCsv.Header, "分值");
        var table = rows.Select(r =>
        {
            var cells = EvidenceCsv.Cells(r);
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < cells.Length; i++) row[EvidenceCsv.Header[i]] = i == pointsColumn ? r.Points : cells[i];
            return row;
        }).ToList();
        // An empty trail still shows its headers.
        if (table.Count == 0) table.Add(EvidenceCsv.Header.ToDictionary(h => h, _ => (object?)null));

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["证据链"] = table }, excelType: ExcelType.XLSX);
        return StablePackage.Of(stream.ToArray());
    }
}
