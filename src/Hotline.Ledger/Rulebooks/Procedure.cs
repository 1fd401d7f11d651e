namespace Hotline.Ledger.Rulebooks;

/// <summary>A procedure of the measures (M1…M4), named by its stable code.</summary>
public sealed record Procedure(string Code, string Title, string? TitleEn = null);
