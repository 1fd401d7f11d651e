using System.Text;

namespace Hotline.Ledger.Exports;

/// <summary>
/// The one way every export writes CSV for spreadsheet programs: UTF-8 with a BOM (so Chinese text opens correctly), CRLF
/// line ends, every cell quoted, and a cell a spreadsheet would run as a formula neutralised with a leading apostrophe.
/// Values are written in one format each: instants in UTC to the microsecond (the store's precision, so a cell equals the
/// instant the JSON answer gives), dates as <c>yyyy-MM-dd</c>, points signed.
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>A whole table as the bytes of a file.</summary>
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows) Line(text, row);
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    /// <summary>A table to <paramref name="output"/> in blocks, so a download of every row is not held as one string.</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows, CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
            if (text.Length < 64 * 1024) continue;
            await writer.WriteAsync(text, cancellation);
            text.Clear();
        }

        await writer.WriteAsync(text, cancellation);
        await writer.FlushAsync(cancellation);
    }

    /// <summary>Quotes the cell; one that starts like a formula gets a leading apostrophe.</summary>
    public static string Cell(string value)
    {
        // Signed points are the one value that starts with a sign on purpose; everything else starting with these is text.
        var neutral = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsSignedNumber(value)
            ? "'" + value
            : value;
        return "\"" + neutral.Replace("\"", "\"\"") + "\"";
    }

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset? at) => at is { } t ? Instant(t) : "";

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Points(decimal points) => points.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "true" : "false";

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    private static bool IsSignedNumber(string value) =>
        value[0] is '+' or '-' && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
