namespace Hotline.Ledger.Exports;

/// <summary>A column: <see cref="Label"/> heads the CSV and the spreadsheet (the office reads Chinese); <see cref="Key"/> names it in code.</summary>
public sealed record SheetColumn(string Key, string Label, bool Signed = false);
