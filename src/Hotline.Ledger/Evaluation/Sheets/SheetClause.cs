namespace Hotline.Ledger.Evaluation.Sheets;

/// <summary>A criterion the sheet scores: leaves carry points; headings (U1–U4) carry their parts' sum.</summary>
public sealed record SheetClause(string Code, string Title, string AppliesTo, decimal MaxPoints, string? Parent, bool Heading, string? TitleEn = null);
