using Hotline.Ledger.Evaluation.Circulars;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Evaluation.YearEnd;

namespace Hotline.Ledger.Evaluation;

public sealed class EvaluationStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.InlineSnapshot<Circular>().Duplicate(c => c.Year);

        // One evaluation per year: a racing second draft fails on this index and answers 409. No duplicated status
        // column: Marten would write the enum's C# name there ("Approved"), while the document and LINQ hold the word.
        opts.InlineSnapshot<YearEndEvaluation>().UniqueIndex(e => e.Year);

        opts.Schema.For<StoredSheet>();
    }
}
