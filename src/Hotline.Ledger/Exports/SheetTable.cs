namespace Hotline.Ledger.Exports;

/// <summary>A table of a download: its <see cref="Name"/> in code, its Chinese <see cref="Label"/>, its columns and rows.</summary>
public sealed record SheetTable(string Name, string Label, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<object?[]> Rows);
