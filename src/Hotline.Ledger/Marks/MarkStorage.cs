namespace Hotline.Ledger.Marks;

/// <summary>Marks in Marten: with the entries, the rows a score replay sums, the two clocks indexed.</summary>
public sealed class MarkStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options)
    {
        options.InlineSnapshot<Mark>()
            .Duplicate(m => m.SubjectId)
            .Duplicate(m => m.Year)
            .Duplicate(m => m.RecordedAt);
    }
}
