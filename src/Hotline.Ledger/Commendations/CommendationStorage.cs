using Hotline.Ledger.Commendations.Applications;
using Hotline.Ledger.Commendations.Awards;
using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations;

/// <summary>Read models of the road from the approved result to the commendations (S1–S4).</summary>
public sealed class CommendationStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        // One plan per year: a racing second draft fails on this index and answers 409. The status stays in the
        // document, where LINQ compares its word (a duplicated column would hold the enum's C# name).
        opts.InlineSnapshot<CommendationPlan>().UniqueIndex(p => p.Year);

        opts.InlineSnapshot<Application>().Duplicate(a => a.PlanId).Duplicate(a => a.UnitId);

        opts.InlineSnapshot<Commendation>().Duplicate(c => c.Year).Duplicate(c => c.PlanId).Duplicate(c => c.UnitId).Duplicate(c => c.PersonId);
    }
}
