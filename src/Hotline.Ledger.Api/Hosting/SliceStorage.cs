using Marten;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Every slice's Marten configuration, in one list: each slice declares its own documents, projections and
/// indexes in an <see cref="IConfigureMarten"/> of its own, and only the host, which sits above them all,
/// names them. Applied to every store the host builds (the ledger's own and the integrity check's scratch
/// copy), in this order: the order their tables and indexes are declared in.
/// </summary>
public static class SliceStorage
{
    public static readonly IReadOnlyList<IConfigureMarten> All =
    [
        new Storage.LedgerStorage(),
        new Registry.RegistryStorage(),
        new Entries.EntryStorage(),
        new Marks.MarkStorage(),
        new SelfChecks.SelfCheckStorage(),
        new SpotChecks.SpotCheckStorage(),
        new Appeals.AppealStorage(),
        new Evaluation.EvaluationStorage(),
        new Cases.CaseStorage(),
        new MonthlyReports.MonthlyReportStorage(),
        new Deadlines.DeadlineStorage(),
        new Commendations.CommendationStorage(),
        new Accountability.AccountabilityStorage(),
        new Scoring.ScoringStorage(),
        new Notices.NoticeStorage(),
        new Rulebooks.Drafts.DraftStorage(),
        new Chain.ChainStorage(),
        new Integrity.IntegrityStorage(),
        new Hotline.Ledger.Security.SecurityStorage(),
    ];

    public static void Configure(IServiceProvider services, StoreOptions options)
    {
        foreach (var slice in All) slice.Configure(services, options);
    }
}
