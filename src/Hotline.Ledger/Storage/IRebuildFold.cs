using Weasel.Core;

namespace Hotline.Ledger.Storage;

/// <summary>One read model's share of the rebuild of every read model in one pass over the events (ADR 0041).</summary>
internal interface IRebuildFold
{
    /// <summary>How many rows go to PostgreSQL in one COPY.</summary>
    const int BatchSize = 5_000;

    string Name { get; }
    IReadOnlyList<Type> EventTypes { get; }

    /// <summary>
    /// Whether the fold reads only each event's data, stream, version and recorded instant: then its events may be
    /// read straight from the log (<see cref="RawEventLog"/>) rather than through Marten's query with every field.
    /// </summary>
    bool DataOnly { get; }
    long Events { get; }
    long Rows { get; }

    /// <summary>Empties the read model; answers the tables to write without secondary indexes.</summary>
    Task<IReadOnlyList<DbObjectName>> Empty(CancellationToken ct);

    /// <summary>Folds one event (in sequence order); <paramref name="complete"/> when it is its stream's last. Answers writes to run.</summary>
    ValueTask<IReadOnlyList<RebuildWrite>> Add(IQuerySession session, IEvent e, bool complete, CancellationToken ct);

    ValueTask<IReadOnlyList<RebuildWrite>> Finish(IQuerySession session, CancellationToken ct);
}

/// <summary>
/// Rows ready for one table, written when the writer gets to them; named so that the rebuild's trace can say where time went.
/// Writes of one table in different <paramref name="Lane"/>s go over different connections, side by side (ADR 0191).
/// </summary>
internal sealed record RebuildWrite(string Table, Func<Task> Run, int Lane = 0);
