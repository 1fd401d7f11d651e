using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>A unit's place in the ranking of every unit on one business day, of how many, with its total.</summary>
public sealed record RankDay(DateOnly Date, int Rank, int Of, decimal Total);
