using Hotline.Ledger.Registry.People;

namespace Hotline.Ledger.Scoring;

/// <summary>A person's memberships on the days a <see cref="ScoreQuery"/> counts.</summary>
public static class CountedMemberships
{
    /// <summary>The memberships of the person within the counted days, from 1 January to the last counted day.</summary>
    public static IReadOnlyList<Membership> MembershipsOf(this ScoreQuery query, Person person) =>
        person.Within(query.YearStart, query.LastCountedDay);

    /// <summary>Whether the person belonged to a unit on any counted day: only then are they scored (ADR 0065).</summary>
    public static bool Scores(this ScoreQuery query, Person person) => person.BelongedBetween(query.YearStart, query.LastCountedDay);
}
