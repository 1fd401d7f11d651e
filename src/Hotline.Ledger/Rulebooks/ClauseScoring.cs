namespace Hotline.Ledger.Rulebooks;

public enum ScoringKind { Threshold, Linear, Steps }

/// <summary>One row of a step table: the points when the input is at least <see cref="AtLeast"/> (or at most <see cref="AtMost"/>).</summary>
public sealed record ScoringStep(decimal? AtLeast, decimal? AtMost, decimal Points);

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

/// <summary>
/// A share of a computed criterion's points, scored from one input. <see cref="Input"/> names a case
/// rate (<see cref="ScoringInputs.Rates"/>) or <c>entries</c>: the number of active entries under
/// <see cref="Clauses"/> that the subject has in the year (I7 counts complaints, i.e. D1 entries).
/// </summary>
public sealed record ScoringPart(string Input, decimal Points, ScoringFunction Function, IReadOnlyList<string>? Clauses = null);

/// <summary>How a computed criterion is scored: its points are the sum of its parts (ADR 0022).</summary>
public sealed record ClauseScoring(IReadOnlyList<ScoringPart> Parts);

public static class ScoringInputs
{
    public const string Entries = "entries";

    public const string CompletionRate = "completionRate";
    public const string ReturnVisitRate = "returnVisitRate";
    public const string Satisfaction = "satisfaction";
    public const string OnlineSatisfaction = "onlineSatisfaction";
    public const string ReplyRate = "replyRate";

    /// <summary>The case rates a part may score (ADR 0021 defines them).</summary>
    public static readonly IReadOnlySet<string> Rates = new HashSet<string>(StringComparer.Ordinal)
    {
        CompletionRate, ReturnVisitRate, Satisfaction, OnlineSatisfaction, ReplyRate,
    };

    /// <summary>Where a computed criterion takes its inputs from.</summary>
    public const string FromCases = "cases";
    public const string FromLedger = "ledger";
}
