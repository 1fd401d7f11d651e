using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring.Series;

public sealed record RankSeries(ScoreSubject Subject, int Year, DateOnly From, DateOnly To, DateTimeOffset KnownAt, IReadOnlyList<RankDay> Days);
