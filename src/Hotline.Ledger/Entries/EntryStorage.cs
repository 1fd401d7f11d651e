namespace Hotline.Ledger.Entries;

/// <summary>Entries in Marten: the rows a score replay sums, and the claims that keep a once-a-year clause to once.</summary>
public sealed class EntryStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        // Whose, which year and day, and the two clocks: real, indexed columns.
        options.InlineSnapshot<Entry>()
            .Duplicate(e => e.UnitId).Duplicate(e => e.PersonId)
            .Duplicate(e => e.Year).Duplicate(e => e.OccurredOn)
            .Duplicate(e => e.RecordedAt).Duplicate(e => e.RescindedAt);

        options.Schema.For<OncePerYearClaim>();
    }
}
