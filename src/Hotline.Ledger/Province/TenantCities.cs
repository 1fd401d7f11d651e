using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Tenancy;

namespace Hotline.Ledger.Province;

/// <summary>
/// The province's cities on a deployment with a database per city (ADR 0110): every city on it, each read
/// through a session on its own database and scored by its own rulebooks (the built-in ones and the
/// revisions that city adopted), taken as they stand when the city is opened.
/// </summary>
public sealed class TenantCities(Cities cities, RulebookCatalog rulebooks, CityRevisions revisions, CityStates states) : IProvinceCities
{
    public async Task<IReadOnlyList<City>> ListAsync(CancellationToken cancellation)
    {
        var latest = await states.LatestAsync(cancellation);
        return (await cities.ListAsync(cancellation)).Select(c => new City(c.Code, c.Name, latest.GetValueOrDefault(c.Code) is not { Disabled: true })).ToList();
    }

    public async Task<CityLedger?> OpenAsync(string code, CancellationToken cancellation)
    {
        var city = (await cities.ListAsync(cancellation)).FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (city is null) return null;
        RulebookCatalog books;
        using (CityScope.Enter(city.IsDefault ? null : city.Code))
        {
            await revisions.EnsureLoadedAsync(cancellation);
            books = new RulebookCatalog(rulebooks.All);
        }

        var inService = !await states.IsDisabledAsync(city.Code, cancellation);
        return new CityLedger(new City(city.Code, city.Name, inService), cities.Query(city.Code), books);
    }
}
