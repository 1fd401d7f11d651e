using System.Data.Common;
using Npgsql;

namespace Hotline.Ledger.Chain;

/// <summary>
/// The events one step of a group commit appended, to be sealed with the whole batch in one step just
/// before it commits (docs/adr/0120-group-commit-for-single-entries.md). While a step runs, the sessions
/// it opens on the batch's connection hand their appended events here instead of sealing them at their
/// own save; the group commit seals what the kept steps appended, under the chain's lock, in the same
/// transaction, so events and links still commit together or not at all.
/// </summary>
public sealed class DeferredSeal(NpgsqlConnection connection)
{
    private static readonly AsyncLocal<DeferredSeal?> Current = new();
    private readonly NpgsqlConnection _connection = connection;

    public List<Guid> Streams { get; } = [];
    public List<Guid> Events { get; } = [];

    /// <summary>
    /// The canonical content of the events whose appending statement returned what the chain hashes, so that the
    /// batch can seal them without reading them back (<see cref="ChainLinks.ReadReturnedAsync"/>).
    /// </summary>
    public List<(long Sequence, byte[] Canonical)> Returned { get; private set; } = [];

    /// <summary>
    /// Set once a step's statements are queued if every event it appends comes back from its statement: the batch may
    /// then take the chain's lock and read its head as the last statements of the same save.
    /// </summary>
    public bool Returning { get; private set; }

    /// <summary>
    /// The seal collecting <paramref name="session"/>'s events, told that their statement returns what the chain
    /// hashes; null when the session writes outside a group commit's step.
    /// </summary>
    internal static DeferredSeal? Returns(IDocumentSession session)
    {
        if (Current.Value is not { } seal || !ReferenceEquals(session.Connection, seal._connection)) return null;
        seal.Returning = true;
        return seal;
    }

    /// <summary>Takes the rows the appending statement returned, in <see cref="ChainedEvent.Columns"/>' order.</summary>
    public async Task TakeReturnedAsync(DbDataReader reader, CancellationToken token) => Returned = await ChainLinks.ReadReturnedAsync(reader, token);

    /// <summary>Collects the events appended on <paramref name="seal"/>'s connection in this flow until the scope ends.</summary>
    public static IDisposable Collect(DeferredSeal seal)
    {
        Current.Value = seal;
        return new Scope(seal);
    }

    /// <summary>
    /// Takes a session's appended events when it writes on the collecting step's connection. A session on
    /// any other connection commits on its own and is sealed at its own save, as always.
    /// </summary>
    internal static bool TryTake(IDocumentSession session, IEnumerable<Guid> streams, IEnumerable<Guid> events)
    {
        if (Current.Value is not { } seal || !ReferenceEquals(session.Connection, seal._connection)) return false;
        seal.Streams.AddRange(streams);
        seal.Events.AddRange(events);
        return true;
    }

    private sealed class Scope(DeferredSeal seal) : IDisposable
    {
        public void Dispose()
        {
            if (ReferenceEquals(Current.Value, seal)) Current.Value = null;
        }
    }
}
