namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// A band of the year-end preliminary opinion (优秀, 良好, 合格, 不合格): a total at or above
/// <see cref="Min"/> earns it. The last band has no minimum and takes every total left (ADR 0033).
/// </summary>
public sealed record Grade(string Name, decimal? Min);
