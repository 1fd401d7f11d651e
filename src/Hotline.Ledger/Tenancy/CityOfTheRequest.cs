using System.Collections.Concurrent;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Rulebooks.Drafts;
using Hotline.Ledger.Security;
using Wolverine.Http.Runtime.MultiTenancy;

namespace Hotline.Ledger.Tenancy;

/// <summary>
/// The request's city, from the token's or session's <c>city</c> claim alone — never from the route, the
/// query or the body, so a user of one city reaches nothing of another (ADR 0110). A token without the
/// claim, or naming the default city's code, reaches the default city; one naming a city not on this
/// deployment is refused (403). Runs after authentication and before anything that reads the store.
/// </summary>
public sealed class CityOfTheRequest(RequestDelegate next, Cities cities, CityRevisions revisions, CityStates states)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var claim = http.User.FindFirst(HotlineClaims.City)?.Value;
        if (string.IsNullOrEmpty(claim) || string.Equals(claim, cities.Default.Code, StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }

        if (await cities.FindAsync(claim, http.RequestAborted) is null)
        {
            await Problems.Status(StatusCodes.Status403Forbidden, "auth.forbidden.unknownCity", claim).ExecuteAsync(http);
            return;
        }

        // A city out of service (ADR 0185): its users are refused everywhere; its ledger is kept.
        if (!CityDisabledAnswer.IsSessionPath(http.Request.Path) && await states.IsDisabledAsync(claim, http.RequestAborted))
        {
            await CityDisabledAnswer.WriteAsync(http, claim);
            return;
        }

        using (CityScope.Enter(claim))
        {
            await revisions.EnsureLoadedAsync(http.RequestAborted);
            await next(http);
        }
    }
}

/// <summary>Wolverine's tenant for an HTTP endpoint: the request's city as <see cref="CityOfTheRequest"/> set it.</summary>
public sealed class CityTenantDetection : ITenantDetection
{
    public ValueTask<string?> DetectTenant(HttpContext context) => ValueTask.FromResult(CityScope.Current);
}

/// <summary>
/// Each city's adopted rulebook revisions, read from its database into the catalog the first time the city
/// is served in this process (the default city's at start-up, as before).
/// </summary>
public sealed class CityRevisions(IDocumentStore store, RulebookCatalog catalog)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _loaded = new();

    public Task EnsureLoadedAsync(CancellationToken ct = default)
    {
        var key = CityScope.Key;
        var load = _loaded.GetOrAdd(key, _ => new Lazy<Task>(() => Revisions.Load(store, catalog, CancellationToken.None)));
        var task = load.Value;
        // A failed load is tried again by the next request.
        if (task.IsFaulted) _loaded.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, load));
        return task.WaitAsync(ct);
    }
}
