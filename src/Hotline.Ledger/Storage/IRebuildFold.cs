using JasperFx.Events;
using Weasel.Core;

namespace Hotline.Ledger.Storage;

/// <summary>One read model's share of the rebuild of every read model in one pass over the events (ADR 0041).</summary>
internal interface IRebuildFold
{
    /// <summary>How many rows go to PostgreSQL in one COPY.</summary>
    const int BatchSize = 5_000;

    string Name { get; }
    IReadOnlyList<Type> EventTypes { get; }
    long Events { get; }
    long Rows { get; }

    /// <summary>Empties the read model; answers the tables to write without secondary indexes.</summary>
    Task<IReadOnlyList<DbObjectName>> Empty(CancellationToken ct);

    /// <summary>Folds one event (in sequence order); <paramref name="complete"/> when it is its stream's last. Answers writes to run.</summary>
    ValueTask<IReadOnlyList<Func<Task>>> Add(IQuerySession session, IEvent e, bool complete, CancellationToken ct);

    ValueTask<IReadOnlyList<Func<Task>>> Finish(IQuerySession session, CancellationToken ct);
}
