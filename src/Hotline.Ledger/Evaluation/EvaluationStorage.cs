using Hotline.Ledger.Evaluation.Circulars;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Evaluation.YearEnd;
using JasperFx.Events.Projections;

namespace Hotline.Ledger.Evaluation;

public sealed class EvaluationStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        opts.Projections.Snapshot<Circular>(SnapshotLifecycle.Inline);
        opts.Schema.For<Circular>().Duplicate(c => c.Year);

        // One evaluation per year: a racing second draft fails on this index and answers 409. No duplicated status
        // column: Marten would write the enum's C# name there ("Approved"), while the document and LINQ hold the word.
        opts.Projections.Snapshot<YearEndEvaluation>(SnapshotLifecycle.Inline);
        opts.Schema.For<YearEndEvaluation>().UniqueIndex(e => e.Year);

        opts.Schema.For<StoredSheet>();
    }
}
