namespace Hotline.Ledger.Exports;

/// <summary>
/// The lists the screens show, downloaded as CSV or XLSX (ADR 0082): <c>?format=csv|xlsx</c>, or Accept
/// <c>text/csv</c> or the spreadsheet type. The rows are the route's own answer (the same filters, liaison
/// scope and read audit), every one of them rather than a page, under Chinese headings; the workbook is
/// byte-stable (ADR 0072), so the same rows give the same bytes.
/// </summary>
public static class TableExport
{
    /// <summary>At most this many rows in one download; a longer list is cut and says so in its last row.</summary>
    public const int MaxRows = 50_000;

    /// <summary>What the caller asked for: CSV, XLSX, or null for the JSON; a 400 for a format this list does not give.</summary>
    public static (ExportFormat? Format, IResult? Refusal) Asked(HttpRequest request, string? format)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            return format.Trim().ToLowerInvariant() switch
            {
                "json" => (null, null),
                "csv" => (ExportFormat.Csv, null),
                "xlsx" => (ExportFormat.Xlsx, null),
                _ => (null, Problems.Invalid("format", "table.format.unknown")),
            };
        }

        var accept = string.Join(",", request.Headers.Accept.Select(a => a ?? ""));
        if (accept.Contains(SheetXlsx.ContentType, StringComparison.OrdinalIgnoreCase)) return (ExportFormat.Xlsx, null);
        if (accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)) return (ExportFormat.Csv, null);
        return (null, null);
    }

    /// <summary>The rows as a file named <paramref name="fileName"/> (.csv or .xlsx), its sheet called <paramref name="title"/>.</summary>
    public static IResult File<T>(HttpRequest request, ExportFormat format, string fileName, string title, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        var table = Table(fileName, title, columns, rows);
        if (format == ExportFormat.Csv)
            return Results.File(SheetCsv.Write(table), "text/csv; charset=utf-8", $"{fileName}.csv");
        // The query is written down (its format left out), so that a workbook says what it is a list of.
        var query = string.Join("&", request.Query.Where(q => !q.Key.Equals("format", StringComparison.OrdinalIgnoreCase))
            .OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}={q.Value}"));
        var facts = new List<(string Label, string Value)> { ("标题", title), ("查询", request.Path + (query.Length > 0 ? "?" + query : "")), ("行数", table.Rows.Count.ToString(CultureInfo.InvariantCulture)) };
        return Results.File(SheetXlsx.Write(facts, [table]), SheetXlsx.ContentType, $"{fileName}.xlsx");
    }

    /// <summary>
    /// For a read whose answer is JSON unless <c>?format=csv|xlsx</c> asks for a download (the score series, the
    /// rankings): a 400 naming 'format' unless it is json, csv or xlsx (or absent), asked before anything is read.
    /// </summary>
    public static IResult? Refusal(string? format) =>
        format?.ToLowerInvariant() is null or "" or "json" or "csv" or "xlsx" ? null : Problems.Invalid("format", "table.format.unknown");

    /// <summary>The download <c>?format=</c> asks for (a workbook of the one table, no 说明 sheet), null for the JSON, or a 400 naming 'format'.</summary>
    public static (bool Json, IResult? Answer) Choose(string? format, Func<SheetTable> table, string fileName) =>
        format?.ToLowerInvariant() switch
        {
            null or "" or "json" => (true, null),
            "csv" => (false, Results.File(SheetCsv.Write(table()), "text/csv; charset=utf-8", fileName + ".csv")),
            "xlsx" => (false, Results.File(SheetXlsx.Write(table()), SheetXlsx.ContentType, fileName + ".xlsx")),
            _ => (false, Problems.Invalid("format", "table.format.unknown")),
        };

    private static SheetTable Table<T>(string name, string title, IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        var cells = rows.Take(MaxRows + 1).Select(r => columns.Select(c => Cell(c.Value(r))).ToArray()).ToList();
        if (cells.Count > MaxRows)
        {
            cells.RemoveAt(MaxRows);
            var note = new object?[columns.Count];
            note[0] = $"（仅导出前 {MaxRows} 行，请缩小查询范围）";
            cells.Add(note);
        }

        return new SheetTable(name, title, columns.Select((c, i) => new SheetColumn($"c{i}", c.Label, c.Signed)).ToList(), cells);
    }

    /// <summary>Cells as the office reads them: dates as written, instants in office time, yes or no in words.</summary>
    private static object? Cell(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => TimeZoneInfo.ConvertTime(t, OfficeCalendar.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        Guid g => g.ToString(),
        _ => value,
    };
}
