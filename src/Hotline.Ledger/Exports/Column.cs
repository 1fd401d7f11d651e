namespace Hotline.Ledger.Exports;

/// <summary>A column of a downloaded table: its Chinese heading and how a row gives its cell.</summary>
public sealed record Column<T>(string Label, Func<T, object?> Value, bool Signed = false);
