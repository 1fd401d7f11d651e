namespace Hotline.Ledger.Accountability;

/// <summary>Read models of the accountability referrals (S4).</summary>
public sealed class AccountabilityStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.InlineSnapshot<ReferralRound>().UniqueIndex(r => r.Year);

        opts.InlineSnapshot<Referral>().Duplicate(r => r.Year).Duplicate(r => r.UnitId).Duplicate(r => r.PersonId);
    }
}
