using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Scoring;

/// <summary>
/// An index that matches the busiest score query (ADR 0042): a unit's entries of one year. With it the
/// query reads that unit-year's rows only, so it costs the same with one year of history as with five
/// (without it, PostgreSQL intersects the unit's rows of every year with the whole city's year).
/// </summary>
public sealed class ScoringStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts) =>
        opts.Schema.For<Entry>().Index(e => new { e.UnitId, e.Year, e.OccurredOn }, i => i.Name = "mt_doc_entry_idx_unit_year");
}
