using Hotline.Ledger.Approvals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>The revisions the leadership adopted, read from the store; the catalog holds them while the service runs (ADR 0092).</summary>
public static class Revisions
{
    public static async Task<IReadOnlyList<RulebookDraft>> Adopted(IQuerySession session, CancellationToken ct = default) =>
        await session.Query<RulebookDraft>().Where(d => d.Status == ApprovalStatus.Approved).ToListAsync(ct);

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

/// <summary>
/// At start-up, after the schema is in place: the revisions adopted before the service started join the
/// catalog. Then, every <c>Hotline:Rulebooks:RefreshEvery</c> (default 10 s; zero turns it off), the revisions
/// another node adopted since join it too (docs/adr/0115-several-nodes-on-one-database.md), in every city whose
/// list this process holds, each read in its own city's database (docs/adr/0150-work-of-every-city-on-every-node.md);
/// a city not served yet reads its whole list when first served. A revision takes effect on a later day, so a
/// node that learns of it seconds late scores nothing differently.
/// </summary>
public sealed class AdoptedRevisionsAtStartup(IDocumentStore store, RulebookCatalog catalog, IConfiguration config, ILogger<AdoptedRevisionsAtStartup> log)
    : IHostedService
{
    // Never disposed: a host stopped hard may dispose its services before it calls StopAsync, and a source
    // without a timer holds nothing that needs disposing.
    private readonly CancellationTokenSource _stopping = new();
    private Task? _watch;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Revisions.Load(store, catalog, cancellationToken);
        var every = config.GetValue("Hotline:Rulebooks:RefreshEvery", TimeSpan.FromSeconds(10));
        if (every > TimeSpan.Zero) _watch = Task.Run(() => Watch(every, _stopping.Token), CancellationToken.None);
    }

    private async Task Watch(TimeSpan every, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                foreach (var city in catalog.CitiesHeld) await RefreshAsync(city, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One city's adopted revisions, read in its own database, join its list.</summary>
    private async Task RefreshAsync(string city, CancellationToken stopping)
    {
        using var scope = CityScope.Enter(city);
        try
        {
            await using var session = store.QuerySession();
            // Only joins: an adopted revision is final, and one adopted here a moment ago may not be visible to this read yet.
            foreach (var draft in await Revisions.Adopted(session, stopping)) catalog.Adopt(draft.Rulebook());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One city's database not answering holds up no other city's.
            log.LogWarning(e, "The adopted revisions of city {City} could not be read; they are read again at the next tick",
                city == CityScope.DefaultKey ? "(default)" : city);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_watch is not null) await _watch.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
