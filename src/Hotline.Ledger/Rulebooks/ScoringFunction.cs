namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// Turns an input (a rate from 0 to 1, or a count) into points out of the part's maximum:
/// <list type="bullet">
/// <item><c>threshold</c>: all the points at or above <see cref="Target"/>, none below;</item>
/// <item><c>linear</c>: all at or above the target, none at or below <see cref="Floor"/>, in proportion between;</item>
/// <item><c>steps</c>: the first row of <see cref="Steps"/> that the input meets, none if it meets no row.</item>
/// </list>
/// </summary>
public sealed record ScoringFunction(ScoringKind Kind, decimal? Target = null, decimal? Floor = null, IReadOnlyList<ScoringStep>? Steps = null)
{
    public decimal Points(decimal value, decimal maxPoints)
    {
        var points = Kind switch
        {
            ScoringKind.Threshold => value >= Target ? maxPoints : 0m,
            ScoringKind.Linear => value >= Target ? maxPoints
                : value <= Floor ? 0m
                : maxPoints * (value - Floor!.Value) / (Target!.Value - Floor.Value),
            ScoringKind.Steps => Steps!.FirstOrDefault(s => s.AtLeast is { } min ? value >= min : value <= s.AtMost)?.Points ?? 0m,
            _ => 0m,
        };
        return Math.Round(points, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether the input earns the part's full points: what a warning calls meeting the target.</summary>
    public bool Meets(decimal value, decimal maxPoints) => Points(value, maxPoints) >= maxPoints;
}
