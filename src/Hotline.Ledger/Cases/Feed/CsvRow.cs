namespace Hotline.Ledger.Cases.Feed;

/// <summary>A CSV data row with the line it starts on (the header is line 1).</summary>
public sealed record CsvRow(int Line, CaseEventRow? Row, string? Fault);
