using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>A subject's total on one business day (null on a day a person belonged to no unit, when they have no score).</summary>
public sealed record SeriesDay(DateOnly Date, decimal? Total);
