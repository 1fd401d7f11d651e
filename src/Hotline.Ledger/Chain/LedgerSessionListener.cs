using System.Runtime.CompilerServices;

namespace Hotline.Ledger.Chain;

/// <summary>
/// Runs before every save of every session the store opens, whoever opened it (Wolverine's generated
/// endpoint code, a handler, a service), and enlists the session's <see cref="ChainSealer"/> when the
/// save appends events — unless the session writes in a group commit, whose batch seals them (<see cref="DeferredSeal"/>).
/// </summary>
public sealed class LedgerSessionListener(string schema) : DocumentSessionListenerBase
{
    private readonly ConditionalWeakTable<IDocumentSession, ChainSealer> _sealers = new();

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var streams = session.PendingChanges.Streams().Where(s => s.Events.Count > 0).ToList();
        var appended = streams.SelectMany(s => s.Events).Select(e => e.Id).ToArray();
        if (appended.Length == 0 && !_sealers.TryGetValue(session, out _)) return Task.CompletedTask;
        // A step of a group commit: its batch seals these with the others before it commits.
        if (appended.Length > 0 && DeferredSeal.TryTake(session, streams.Select(s => s.Id), appended)) return Task.CompletedTask;

        var sealer = _sealers.GetValue(session, s =>
        {
            var created = new ChainSealer(schema);
            if (s is not ITransactionParticipantRegistrar registrar)
                throw new InvalidOperationException($"{s.GetType().Name} takes no transaction participants; the ledger's events could not be sealed.");
            registrar.AddTransactionParticipant(created);
            return created;
        });
        sealer.Pending = (streams.Select(s => s.Id).Distinct().ToArray(), appended);
        return Task.CompletedTask;
    }
}
