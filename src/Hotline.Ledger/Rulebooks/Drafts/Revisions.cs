using Hotline.Ledger.Approvals;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.Extensions.Hosting;
using Wolverine.Http;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>The revisions the leadership adopted, read from the store; the catalog holds them while the service runs (ADR 0092).</summary>
public static class Revisions
{
    public static async Task<IReadOnlyList<RulebookDraft>> Adopted(IQuerySession session, CancellationToken ct = default) =>
        await session.Query<RulebookDraft>().Where(d => d.Status == ApprovalTrail.Approved).ToListAsync(ct);

    /// <summary>The catalog as the store says: the built-in rulebooks and every adopted revision.</summary>
    public static async Task Load(IDocumentStore store, RulebookCatalog catalog, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        catalog.ReplaceAdopted((await Adopted(session, ct)).Select(d => d.Rulebook()));
    }

    /// <summary>Every rulebook in the order they took effect, with who adopted each revision and when.</summary>
    [WolverineGet("/api/rulebooks/revisions", OperationId = "listRulebookRevisions")]
    public static async Task<IReadOnlyList<RevisionEntry>> History(IQuerySession session, RulebookCatalog catalog, TimeProvider clock)
    {
        var adopted = (await Adopted(session)).ToDictionary(d => d.AdoptedId!);
        var inForce = catalog.InForceOn(OfficeCalendar.Today(clock))?.Id;
        return catalog.All.Select(r =>
        {
            var d = adopted.GetValueOrDefault(r.Id);
            var submitted = d?.Steps.LastOrDefault(s => s.Step == "submitted");
            return new RevisionEntry(r.Id, r.Title, r.EffectiveFrom, r.Id == inForce, catalog.IsBuiltIn(r.Id), d?.Id,
                submitted?.By, submitted?.At, d?.ApprovedBy, d?.ApprovedAt, d?.Steps ?? []);
        }).ToList();
    }
}

/// <summary>At start-up, after the schema is in place: the revisions adopted before the service started join the catalog.</summary>
public sealed class AdoptedRevisionsAtStartup(IDocumentStore store, RulebookCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Revisions.Load(store, catalog, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
