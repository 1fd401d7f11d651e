using Npgsql;

namespace Hotline.Ledger.Storage;

/// <summary>
/// The transaction a keyed request runs in: the sessions the request opens write through it and do not
/// commit it; whoever began it (the idempotency middleware) commits the write together with the key's
/// answer, or rolls both back. Outside such a request there is none and sessions commit their own.
/// </summary>
public sealed class RequestTransaction
{
    private static readonly AsyncLocal<RequestTransaction?> Ambient = new();
    private NpgsqlTransaction? _transaction;

    private RequestTransaction(NpgsqlTransaction transaction) => _transaction = transaction;

    /// <summary>The open transaction of the request in progress, if it runs in one.</summary>
    public static NpgsqlTransaction? Current => Ambient.Value?._transaction;

    /// <summary>
    /// True while the request's sessions share one transaction: a lost race then aborts the whole
    /// transaction, and the work is done again whole by its owner, not inside a session.
    /// </summary>
    public static bool IsShared => Current is not null;

    /// <summary>Shares <paramref name="transaction"/> with the sessions this flow opens until the returned scope ends.</summary>
    public static IDisposable Share(NpgsqlTransaction transaction)
    {
        var shared = new RequestTransaction(transaction);
        Ambient.Value = shared;
        return new Scope(shared);
    }

    // Ended explicitly, not only by the flow: work the request started in the background must never
    // reach a transaction that has been committed or rolled back.
    private sealed class Scope(RequestTransaction shared) : IDisposable
    {
        public void Dispose()
        {
            shared._transaction = null;
            if (ReferenceEquals(Ambient.Value, shared)) Ambient.Value = null;
        }
    }
}
