namespace Hotline.Ledger.Rulebooks;

/// <summary>How a computed criterion is scored: its points are the sum of its parts (ADR 0022).</summary>
public sealed record ClauseScoring(IReadOnlyList<ScoringPart> Parts);
