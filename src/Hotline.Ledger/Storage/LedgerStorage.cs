using Hotline.Ledger.Appeals;
using Hotline.Ledger.Evaluation;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Hotline.Ledger.Storage;

/// <summary>How the ledger's streams and read models are laid out in Marten.</summary>
public static class LedgerStorage
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Who did it and under which request travel with every event (see ADR 0002).
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;

        // Registry snapshots are inline: a registration is readable the moment it is acknowledged.
        opts.Projections.Snapshot<Unit>(SnapshotLifecycle.Inline);
        opts.Schema.For<Unit>().UniqueIndex(u => u.CodeKey);

        opts.Projections.Snapshot<Person>(SnapshotLifecycle.Inline);
        opts.Schema.For<Person>().Duplicate(p => p.UnitId);

        // Entries and marks are the rows a score replay sums: the two clocks are real, indexed columns.
        opts.Projections.Snapshot<Entry>(SnapshotLifecycle.Inline);
        opts.Schema.For<Entry>()
            .Duplicate(e => e.UnitId)
            .Duplicate(e => e.PersonId)
            .Duplicate(e => e.Year)
            .Duplicate(e => e.OccurredOn)
            .Duplicate(e => e.RecordedAt)
            .Duplicate(e => e.RescindedAt);

        opts.Projections.Snapshot<Mark>(SnapshotLifecycle.Inline);
        opts.Schema.For<Mark>()
            .Duplicate(m => m.SubjectId)
            .Duplicate(m => m.Year)
            .Duplicate(m => m.RecordedAt);

        opts.Schema.For<OncePerYearClaim>();

        SelfChecks.SelfCheckStorage.Configure(opts);
        AppealStorage.Configure(opts);
        EvaluationStorage.Configure(opts);
        CaseFeedModule.Configure(opts);
        Commendations.CommendationStorage.Configure(opts);
        Accountability.AccountabilityStorage.Configure(opts);
        Scoring.ScoringStorage.Configure(opts);
        Notices.NoticeModule.Configure(opts);
        Rulebooks.Drafts.DraftStorage.Configure(opts);
    }
}
