using System.Globalization;
using System.Text;

namespace Hotline.Ledger.Evidence;

/// <summary>
/// The evidence trail as CSV for spreadsheet programs: UTF-8 with a BOM (so Chinese text opens
/// correctly), a header row, and cells that a spreadsheet would run as a formula neutralised.
/// </summary>
public static class EvidenceCsv
{
    public static readonly string[] Header =
    [
        "what", "id", "clause", "points", "unitId", "personId", "occurredOn", "recordedAt", "recordedBy",
        "reason", "evidence", "status", "rescindedAt", "rescindedBy", "rescissionReason", "caseNumber", "automatic",
        "entryId", "appealId", "month",
    ];

    public static byte[] Write(IEnumerable<EvidenceRow> rows)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var r in rows)
        {
            Line(text,
            [
                r.What, r.Id.ToString(), r.Clause, r.Points.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture),
                r.UnitId?.ToString() ?? "", r.PersonId?.ToString() ?? "", r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), r.RecordedBy,
                r.Reason, string.Join("; ", r.Evidence.Select(e => e.Sha256 is null ? $"{e.Title} <{e.Reference}>" : $"{e.Title} <{e.Reference}> sha256:{e.Sha256}")),
                r.Status, r.Rescission?.RescindedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? "",
                r.Rescission?.RescindedBy ?? "", r.Rescission?.Reason ?? "", r.CaseNumber ?? "", r.Automatic ? "true" : "false",
                r.EntryId?.ToString() ?? "", r.AppealId?.ToString() ?? "", r.Month ?? "",
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

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
