namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// One clause of a rulebook. Points are magnitudes: a deduction's 5 is applied as -5.
/// A clause has either fixed <see cref="Points"/> or a range (<see cref="MinPoints"/>..<see cref="MaxPoints"/>).
/// <see cref="Title"/> is the measure's own Chinese wording, what the office reads; <see cref="TitleEn"/> an English gloss.
/// </summary>
public sealed record Clause(
    string Code,
    string Title,
    ClauseKind Kind,
    AppliesTo AppliesTo,
    decimal? Points = null,
    decimal? MinPoints = null,
    decimal? MaxPoints = null,
    Frequency? Frequency = null,
    string? Parent = null,
    string? ComputedFrom = null,
    bool Collective = false,
    ClauseScoring? Scoring = null,
    string? TitleEn = null)
{
    public bool IsRange => MinPoints is not null && MaxPoints is not null;

    /// <summary>The most a criterion can give, or a bonus/deduction's largest magnitude.</summary>
    public decimal MaxMagnitude => Points ?? MaxPoints ?? 0m;

    public bool IsEntryClause => Kind is ClauseKind.Bonus or ClauseKind.Deduction;

    /// <summary>Computed (from the case feed or the ledger, by <see cref="Scoring"/>) rather than marked by an assessor.</summary>
    public bool IsComputed => ComputedFrom is not null;

    public bool Credits(SubjectKind subject) => AppliesTo switch
    {
        AppliesTo.Both => true,
        AppliesTo.Unit => subject == SubjectKind.Unit,
        AppliesTo.Person => subject == SubjectKind.Person,
        _ => false,
    };

    /// <summary>The signed value of a recorded magnitude: deductions subtract.</summary>
    public decimal Signed(decimal magnitude) => Kind == ClauseKind.Deduction ? -magnitude : magnitude;
}
