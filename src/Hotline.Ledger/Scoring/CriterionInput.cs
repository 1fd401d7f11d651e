using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

/// <summary>
/// One scoring part of a computed criterion: the input's value (a rate, with its numerator and
/// denominator, or a count of entries under <see cref="Clauses"/>) and the points it earned.
/// </summary>
public sealed record CriterionInput(string Input, decimal? Value, decimal? Numerator, decimal? Denominator,
    decimal Points, decimal MaxPoints, IReadOnlyList<string>? Clauses = null);
