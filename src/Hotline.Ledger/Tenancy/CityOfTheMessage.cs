using Wolverine;

namespace Hotline.Ledger.Tenancy;

/// <summary>
/// Wolverine middleware on every message handler: the message's city is its envelope's tenant (Wolverine
/// carries it from the request or handler that sent it), so the handler's own sessions and the per-city
/// services reach that city's database (ADR 0110).
/// </summary>
public static class CityOfTheMessage
{
    // Not async, so that the city set here stays with the handler that calls it; not a scope that ends,
    // as the handler's flow ends with the handler and the city goes with it.
    public static Task Before(Envelope envelope, CityRevisions revisions)
    {
        var tenant = envelope.TenantId;
        CityScope.Enter(string.IsNullOrEmpty(tenant) || tenant == JasperFx.StorageConstants.DefaultTenantId ? null : tenant);
        return revisions.EnsureLoadedAsync();
    }
}
