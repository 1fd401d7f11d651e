using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

/// <summary>
/// Scores a computed criterion with the functions its rulebook configures (ADR 0022): each part turns
/// one input into points; the criterion is their sum. A criterion none of whose inputs has data yet
/// (a unit with no cases) has no points, like a criterion nobody has marked.
/// </summary>
public static class ComputedCriteria
{
    public static CriterionScore Score(Clause clause, ClauseScoring scoring, IReadOnlyDictionary<string, RateFraction> rates, IReadOnlyList<CountedEntry> counted)
    {
        var parts = scoring.Parts.Select(p => Part(p, rates, counted)).ToList();
        decimal? points = parts.All(p => p.Value is null) ? null : parts.Sum(p => p.Points);
        return new CriterionScore(clause.Code, clause.Title, clause.MaxMagnitude, points, "computed", 0, parts);
    }

    private static CriterionInput Part(ScoringPart part, IReadOnlyDictionary<string, RateFraction> rates, IReadOnlyList<CountedEntry> counted)
    {
        if (part.Input == ScoringInputs.Entries)
        {
            var clauses = part.Clauses ?? [];
            decimal count = counted.Count(e => clauses.Contains(e.Clause));
            return new CriterionInput(part.Input, count, null, null, part.Function.Points(count, part.Points), part.Points, clauses);
        }

        var fraction = rates[part.Input];
        var value = fraction.Value;
        return new CriterionInput(part.Input,
            value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null,
            fraction.Numerator, fraction.Denominator,
            value is { } exact ? part.Function.Points(exact, part.Points) : 0m, part.Points);
    }
}
