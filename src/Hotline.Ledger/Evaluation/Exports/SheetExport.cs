using System.Text;
using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Evaluation.Exports;

/// <summary>
/// Chooses the answer of a GET on a circular or an evaluation: <c>?format=</c> wins (links for a
/// browser), else the Accept header: CSV, XLSX or HTML; anything else is the JSON.
/// </summary>
public static class SheetExport
{
    public static (ExportFormat? Format, IResult? Refusal) Negotiate(HttpRequest request, string? format, string? table)
    {
        if (!string.IsNullOrWhiteSpace(table) && !SheetTables.Names.Contains(table))
            return (null, Problems.Invalid("table", "table.unknown", string.Join(", ", SheetTables.Names)));
        if (!string.IsNullOrWhiteSpace(format))
        {
            return format.ToLowerInvariant() switch
            {
                "json" => (ExportFormat.Json, null),
                "csv" => (ExportFormat.Csv, null),
                "xlsx" => (ExportFormat.Xlsx, null),
                "html" => (ExportFormat.Html, null),
                _ => (null, Problems.Invalid("format", "format.unknown")),
            };
        }

        var accept = string.Join(",", request.Headers.Accept.Select(a => a ?? ""));
        if (accept.Contains(SheetXlsx.ContentType, StringComparison.OrdinalIgnoreCase)) return (ExportFormat.Xlsx, null);
        if (accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)) return (ExportFormat.Csv, null);
        if (accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)) return (ExportFormat.Html, null);
        return (ExportFormat.Json, null);
    }

    /// <summary>
    /// The answer of a GET on a stored sheet: the format negotiated first, so that a bad one is a 400 before anything
    /// is read; then the sheet's documents loaded (none: <paramref name="notFound"/>); then its JSON view, or the download.
    /// </summary>
    public static async Task<JsonOrFile<TView>> Answer<T, TView>(HttpRequest request, string? format, string? table, Func<Task<T?>> load,
        Func<IResult> notFound, Func<T, Task<TView>> json, Func<T, SheetDocument> document) where T : struct
    {
        var (chosen, refusal) = Negotiate(request, format, table);
        if (refusal is not null) return JsonOrFile<TView>.Refused(refusal);
        if (await load() is not { } loaded) return JsonOrFile<TView>.Refused(notFound());
        return chosen == ExportFormat.Json
            ? JsonOrFile<TView>.Json(await json(loaded))
            : JsonOrFile<TView>.File(Render(chosen!.Value, document(loaded), table));
    }

    public static IResult Render(ExportFormat format, SheetDocument doc, string? table) => format switch
    {
        ExportFormat.Csv => Csv(doc, table),
        ExportFormat.Xlsx => Results.File(Xlsx(doc), SheetXlsx.ContentType, $"{doc.FileName}.xlsx"),
        ExportFormat.Html => Results.Text(SheetHtml.Write(doc), "text/html; charset=utf-8", Encoding.UTF8),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "JSON is answered by the endpoint itself."),
    };

    /// <summary>The sheet's title and facts on the 说明 sheet, then each of its tables.</summary>
    public static byte[] Xlsx(SheetDocument doc) =>
        SheetXlsx.Write(doc.Facts.Prepend((Label: "标题", Value: doc.Title)).ToList(), SheetTables.Of(doc));

    private static IResult Csv(SheetDocument doc, string? table)
    {
        var name = string.IsNullOrWhiteSpace(table) ? "units" : table;
        var chosen = SheetTables.Of(doc).Single(t => t.Name == name);
        return Results.File(SheetCsv.Write(chosen), "text/csv; charset=utf-8", $"{doc.FileName}-{name}.csv");
    }
}
