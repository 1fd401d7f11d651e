using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Accountability;

/// <summary>A year's round of referrals with every referral it made, in the order it made them.</summary>
public sealed record ReferralRoundView(int Year, Guid EvaluationId, AccountabilityRules Rules, DateTimeOffset MadeAt, string MadeBy, IReadOnlyList<Referral> Referrals)
{
    /// <summary>The round as saved, with the instants the store recorded.</summary>
    public static async Task<ReferralRoundView> ReadBackAsync(Written<ReferralRoundView> written, IDocumentSession session)
    {
        var round = (await session.LoadAsync<ReferralRound>(written.Id))!;
        var referrals = await session.LoadManyAsync<Referral>(round.ReferralIds);
        return new(round.Year, round.EvaluationId, round.Rules, round.MadeAt, round.MadeBy, round.ReferralIds.Select(id => referrals.Single(r => r.Id == id)).ToList());
    }
}
