using JasperFx.Events.Projections;

namespace Hotline.Ledger.Accountability;

/// <summary>Read models of the accountability referrals (S4).</summary>
public sealed class AccountabilityStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.Projections.Snapshot<ReferralRound>(SnapshotLifecycle.Inline);
        opts.Schema.For<ReferralRound>().UniqueIndex(r => r.Year);

        opts.Projections.Snapshot<Referral>(SnapshotLifecycle.Inline);
        opts.Schema.For<Referral>().Duplicate(r => r.Year).Duplicate(r => r.UnitId).Duplicate(r => r.PersonId);
    }
}
