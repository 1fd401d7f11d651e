namespace Hotline.Ledger.Appeals;

public sealed class AppealStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.InlineSnapshot<Appeal>();
        // No duplicated status column: Marten writes an enum there by its C# name ("Pending") while the document holds
        // the word ("pending"), so the status is read from the document, where LINQ compares the stored word.
        // One appeal per contested matter: a racing second filing fails on this index and answers 409.
        opts.Schema.For<Appeal>()
            .UniqueIndex(a => a.Subject)
            .Duplicate(a => a.UnitId)
            .Duplicate(a => a.PersonId)
            .Duplicate(a => a.Year)
            .Duplicate(a => a.FiledAt)
            .Duplicate(a => a.DecidedAt);
    }
}
