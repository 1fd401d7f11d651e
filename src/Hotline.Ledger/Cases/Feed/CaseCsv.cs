using nietras.SeparatedValues;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// Reads the CSV import of the case feed: UTF-8 (a BOM is allowed), a header row naming the same fields
/// as the JSON rows in any order and case, RFC 4180 quoting (quoted cells may hold commas, quotes and
/// line breaks). A header fault refuses the file; a row with the wrong number of cells is a bad row.
/// </summary>
public static class CaseCsv
{
    private static readonly string[] Columns =
        ["eventId", "caseNumber", "type", "at", "unitId", "personId", "replyDueAt", "completionDueAt", "result"];

    private static readonly string[] Required = ["eventId", "caseNumber", "type", "at"];

    public static (IReadOnlyList<CsvRow> Rows, Refusal? HeaderFault) Read(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = Records(text);
        if (records.Count == 0) return ([], new("caseFeed.csv.empty"));

        var header = records[0].Cells.Select(c => c.Trim()).ToList();
        var positions = new int[Columns.Length];
        for (var i = 0; i < Columns.Length; i++) positions[i] = header.FindIndex(h => string.Equals(h, Columns[i], StringComparison.OrdinalIgnoreCase));

        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0) return ([], new("caseFeed.csv.unknownColumns", string.Join(", ", unknown.Select(u => $"'{u}'")), string.Join(", ", Columns)));
        var duplicated = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicated is not null) return ([], new("caseFeed.csv.columnTwice", duplicated.Key));
        var missing = Required.Where((_, i) => positions[Array.IndexOf(Columns, Required[i])] < 0).ToList();
        if (missing.Count > 0) return ([], new("caseFeed.csv.missingColumns", string.Join(", ", missing)));

        var rows = new List<CsvRow>();
        foreach (var (line, cells) in records.Skip(1))
        {
            if (cells.Count == 1 && cells[0].Length == 0) continue; // a blank line
            if (cells.Count != header.Count)
            {
                rows.Add(new CsvRow(line, null, new("caseFeed.csv.cellCount", cells.Count, header.Count)));
                continue;
            }

            string? Cell(string column)
            {
                var at = positions[Array.IndexOf(Columns, column)];
                return at < 0 || cells[at].Length == 0 ? null : cells[at];
            }

            rows.Add(new CsvRow(line, new CaseEventRow(
                Cell("eventId"), Cell("caseNumber"), Cell("type"), Cell("at"), Cell("unitId"), Cell("personId"),
                Cell("replyDueAt"), Cell("completionDueAt"), Cell("result")), null));
        }

        return (rows, null);
    }

    /// <summary>
    /// The records of the text with the line each starts on, read by Sep (RFC 4180 quoting, unescaped; CR, LF or CRLF ends a
    /// record). The header is line 1 by definition; every later record carries the line Sep counted for it.
    /// </summary>
    private static List<(int Line, List<string> Cells)> Records(string text)
    {
        var records = new List<(int Line, List<string> Cells)>();
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        foreach (var row in reader)
        {
            var cells = new List<string>(row.ColCount);
            for (var i = 0; i < row.ColCount; i++) cells.Add(row[i].ToString());
            records.Add((records.Count == 0 ? 1 : row.LineNumberFrom, cells));
        }

        return records;
    }

    /// <summary>The first cell holding a control character, named as the JSON route names it (<c>events[i].field</c>), or null.</summary>
    public static FieldRefusal? ControlCharacters(IReadOnlyList<CsvRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Row is not { } row) continue;
            foreach (var property in typeof(CaseEventRow).GetProperties())
            {
                if (property.GetValue(row) is string text && Http.TextRules.HasControlCharacters(text))
                    return new($"events[{i}].{char.ToLowerInvariant(property.Name[0])}{property.Name[1..]}", "text.control.line", rows[i].Line);
            }
        }

        return null;
    }
}
