using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations.Awards;

/// <summary>The commendations a plan issued, under one document, in the order of its shortlist.</summary>
public sealed record IssuedCommendations(Guid PlanId, int Year, string DocumentNumber, DateOnly AwardedOn, IReadOnlyList<Commendation> Commendations)
{
    /// <summary>The issue as saved, each commendation with the instant the store recorded it.</summary>
    public static async Task<IssuedCommendations> ReadBackAsync(Written<IssuedCommendations> written, IDocumentSession session)
    {
        var plan = (await session.LoadAsync<CommendationPlan>(written.Id))!;
        var issue = plan.Issue!;
        var awarded = await session.LoadManyAsync<Commendation>(issue.CommendationIds);
        return new(plan.Id, plan.Year, issue.DocumentNumber, issue.AwardedOn, issue.CommendationIds.Select(i => awarded.Single(a => a.Id == i)).ToList());
    }
}
