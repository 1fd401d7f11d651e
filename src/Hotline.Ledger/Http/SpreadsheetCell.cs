namespace Hotline.Ledger.Http;

/// <summary>
/// For CSV and XLSX exports: a text cell that begins with '=', '+', '-', '@', a tab or a carriage
/// return (or their full-width forms) is run as a formula by spreadsheet programs (CSV injection);
/// it is written with a leading apostrophe, which they show as text. Numbers are written as numbers,
/// not through this.
/// </summary>
public static class SpreadsheetCell
{
    private const string FormulaStarts = "=+-@\t\r＝＋－＠";

    public static string Text(string? value) =>
        value is { Length: > 0 } && FormulaStarts.Contains(value[0]) ? "'" + value : value ?? "";
}
