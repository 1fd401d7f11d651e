using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Cases.Rates;

/// <summary>A rate's fraction, kept exact for scoring; null where the denominator is 0.</summary>
public sealed record RateFraction(decimal Numerator, decimal Denominator)
{
    public decimal? Value => Denominator == 0 ? null : Numerator / Denominator;
}

/// <summary>
/// A subject's handling rates for a year at (asOf, knownAt): the counts and the rates of API.md
/// (fractions from 0 to 1, four decimals, null where the denominator is 0), as defined in ADR 0021.
/// </summary>
public sealed record CaseRates(
    string Subject,
    Guid SubjectId,
    int Year,
    DateOnly AsOf,
    DateTimeOffset KnownAt,
    int Assigned,
    int Completed,
    decimal? CompletionRate,
    int CompletedVisited,
    decimal? ReturnVisitRate,
    int Satisfied,
    int BasicallySatisfied,
    int Dissatisfied,
    int Unreached,
    decimal? Satisfaction,
    int OnlineVotes,
    int OnlineSatisfied,
    decimal? OnlineSatisfaction,
    int ReplyDue,
    int RepliedOnTime,
    decimal? ReplyRate)
{
    /// <summary>The numerator and denominator of each rate a scoring part may name.</summary>
    public static IReadOnlyDictionary<string, RateFraction> Fractions(CaseCounts c, CaseFeedRules rules) => new Dictionary<string, RateFraction>
    {
        [ScoringInputs.CompletionRate] = new(c.Completed, c.Assigned),
        [ScoringInputs.ReturnVisitRate] = new(c.Visited, c.Completed),
        // Unreached visits say nothing about satisfaction: they are left out of both sides.
        [ScoringInputs.Satisfaction] = new(c.Satisfied + rules.BasicallySatisfiedWeight * c.BasicallySatisfied, c.Satisfied + c.BasicallySatisfied + c.Dissatisfied),
        [ScoringInputs.OnlineSatisfaction] = new(c.VotesSatisfied, c.Votes),
        [ScoringInputs.ReplyRate] = new(c.RepliedOnTime, c.ReplyDue),
    };

    public static CaseRates Of(string subject, Guid subjectId, int year, DateOnly asOf, DateTimeOffset knownAt, CaseCounts c, CaseFeedRules rules)
    {
        var f = Fractions(c, rules);
        decimal? Rate(string name) => f[name].Value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
        return new CaseRates(subject, subjectId, year, asOf, knownAt,
            c.Assigned, c.Completed, Rate(ScoringInputs.CompletionRate),
            c.Visited, Rate(ScoringInputs.ReturnVisitRate),
            c.Satisfied, c.BasicallySatisfied, c.Dissatisfied, c.Unreached, Rate(ScoringInputs.Satisfaction),
            c.Votes, c.VotesSatisfied, Rate(ScoringInputs.OnlineSatisfaction),
            c.ReplyDue, c.RepliedOnTime, Rate(ScoringInputs.ReplyRate));
    }
}
