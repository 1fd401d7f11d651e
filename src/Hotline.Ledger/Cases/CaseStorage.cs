using Hotline.Ledger.Cases.Feed;
using Hotline.Ledger.Cases.Rates;

namespace Hotline.Ledger.Cases;

/// <summary>The case files, the feed's claimed event ids and the rate counters in PostgreSQL.</summary>
public sealed class CaseStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions opts)
    {
        var schema = opts.DatabaseSchemaName;

        // Written by the feed and the deadline judge; a stale write fails and is done again (ADR 0020). Projected
        // from the case streams (with the counters) when Marten's daemon rebuilds it (ADR 0160).
        CaseFileProjection.Register(opts);
        opts.Schema.For<CaseFile>()
            .UseOptimisticConcurrency(true)
            .Duplicate(c => c.UnitId)
            .Duplicate(c => c.ReplyDueAt)
            .Duplicate(c => c.ReplyCheckAt);
        opts.Storage.ExtendedSchemaObjects.Add(CaseEventIds.Table(schema));
        opts.Storage.ExtendedSchemaObjects.Add(CaseCounters.Table(schema));
        opts.Storage.ExtendedSchemaObjects.Add(CounterCheckpoints.Table(schema));
    }

    /// <summary>The plain tables of the feed, which resetting Marten's data does not empty (tests truncate them).</summary>
    public static readonly string[] Tables = [CaseEventIds.TableName, CaseCounters.TableName, CounterCheckpoints.TableName];
}
