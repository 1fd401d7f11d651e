namespace Hotline.Ledger.Http;

/// <summary>One page of a list: its items, and the cursor of the next page (<c>after</c>), null on the last (ADR 0068).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
