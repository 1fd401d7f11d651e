namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// A share of a computed criterion's points, scored from one input. <see cref="Input"/> names a case
/// rate (<see cref="ScoringInputs.Rates"/>) or <c>entries</c>: the number of active entries under
/// <see cref="Clauses"/> that the subject has in the year (I7 counts complaints, i.e. D1 entries).
/// </summary>
public sealed record ScoringPart(string Input, decimal Points, ScoringFunction Function, IReadOnlyList<string>? Clauses = null);
