using Hotline.Ledger.Storage;
using Marten;
using Marten.Services;
using SessionOptions = Marten.Services.SessionOptions;

namespace Hotline.Ledger.Api.Idempotency;

/// <summary>
/// Lightweight sessions, as before; inside a keyed request they write through the request's
/// transaction (<see cref="RequestTransaction"/>), so the key's answer commits with the write it guards.
/// Wolverine's outbox opens the endpoints' sessions through this factory.
/// </summary>
public sealed class RequestSessionFactory(IDocumentStore store) : SessionFactoryBase(store)
{
    public override SessionOptions BuildOptions()
    {
        if (RequestTransaction.Current is not { } transaction) return new SessionOptions { Tracking = DocumentTracking.None };
        var options = SessionOptions.ForTransaction(transaction);
        options.Tracking = DocumentTracking.None;
        return options;
    }
}
