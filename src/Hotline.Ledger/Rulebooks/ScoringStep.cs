namespace Hotline.Ledger.Rulebooks;

/// <summary>One row of a step table: the points when the input is at least <see cref="AtLeast"/> (or at most <see cref="AtMost"/>).</summary>
public sealed record ScoringStep(decimal? AtLeast, decimal? AtMost, decimal Points);
