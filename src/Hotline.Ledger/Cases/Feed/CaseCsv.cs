using Hotline.Ledger.Http;
using System.Text;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>A CSV data row with the line it starts on (the header is line 1).</summary>
public sealed record CsvRow(int Line, CaseEventRow? Row, Refusal? Fault);

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
        var records = Records(text).ToList();
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

    /// <summary>The records of the text with the line each starts on.</summary>
    private static IEnumerable<(int Line, List<string> Cells)> Records(string text)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            any = true;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    cells.Add(cell.ToString());
                    yield return (start, cells);
                    cells = [];
                    cell.Clear();
                    any = false;
                    start = ++line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        if (any)
        {
            cells.Add(cell.ToString());
            yield return (start, cells);
        }
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
