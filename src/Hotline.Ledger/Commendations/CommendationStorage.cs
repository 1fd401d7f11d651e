using Hotline.Ledger.Commendations.Applications;
using Hotline.Ledger.Commendations.Awards;
using Hotline.Ledger.Commendations.Plans;
using JasperFx.Events.Projections;

namespace Hotline.Ledger.Commendations;

/// <summary>Read models of the road from the approved result to the commendations (S1–S4).</summary>
public sealed class CommendationStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        // One plan per year: a racing second draft fails on this index and answers 409. The status stays in the
        // document, where LINQ compares its word (a duplicated column would hold the enum's C# name).
        opts.Projections.Snapshot<CommendationPlan>(SnapshotLifecycle.Inline);
        opts.Schema.For<CommendationPlan>().UniqueIndex(p => p.Year);

        opts.Projections.Snapshot<Application>(SnapshotLifecycle.Inline);
        opts.Schema.For<Application>().Duplicate(a => a.PlanId).Duplicate(a => a.UnitId);

        opts.Projections.Snapshot<Commendation>(SnapshotLifecycle.Inline);
        opts.Schema.For<Commendation>().Duplicate(c => c.Year).Duplicate(c => c.PlanId).Duplicate(c => c.UnitId).Duplicate(c => c.PersonId);
    }
}
