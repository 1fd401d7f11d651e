using System.Runtime.CompilerServices;
using Hotline.Ledger.Http;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Hotline.Ledger.Integrity;

/// <summary>
/// Runs before every save of every session the store opens, whoever opened it (Wolverine's generated
/// endpoint code, a handler, a service): stamps the request's user and correlation id on the session,
/// which Marten writes onto each event, and enlists the session's <see cref="ChainSealer"/> when the
/// save appends events.
/// </summary>
public sealed class LedgerSessionListener(IHttpContextAccessor requests, string schema) : DocumentSessionListenerBase
{
    private readonly ConditionalWeakTable<IDocumentSession, ChainSealer> _sealers = new();

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (requests.HttpContext is { User.Identity.IsAuthenticated: true } http)
        {
            session.LastModifiedBy = RequestActor.Of(http);
            session.CorrelationId = RequestCorrelation.Of(http);
        }

        var appended = session.PendingChanges.Streams().SelectMany(s => s.Events).Select(e => e.Id).ToArray();
        if (appended.Length == 0 && !_sealers.TryGetValue(session, out _)) return Task.CompletedTask;

        var sealer = _sealers.GetValue(session, s =>
        {
            var created = new ChainSealer(schema);
            if (s is not ITransactionParticipantRegistrar registrar)
                throw new InvalidOperationException($"{s.GetType().Name} takes no transaction participants; the ledger's events could not be sealed.");
            registrar.AddTransactionParticipant(created);
            return created;
        });
        sealer.Pending = appended;
        return Task.CompletedTask;
    }
}
