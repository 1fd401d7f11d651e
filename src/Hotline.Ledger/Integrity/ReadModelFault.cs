namespace Hotline.Ledger.Integrity;

/// <summary>The first derived row that differs from what the events give: its read model's table, its id, and how.</summary>
public sealed record ReadModelFault(string Table, string Row, string Problem, string? Stored = null, string? Rebuilt = null);
