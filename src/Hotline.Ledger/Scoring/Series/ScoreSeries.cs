using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>A subject's total on every day from <see cref="From"/> to <see cref="To"/>, as the ledger stood at <see cref="KnownAt"/>.</summary>
public sealed record ScoreSeries(ScoreSubject Subject, int Year, DateOnly From, DateOnly To, DateTimeOffset KnownAt, IReadOnlyList<SeriesDay> Days);
