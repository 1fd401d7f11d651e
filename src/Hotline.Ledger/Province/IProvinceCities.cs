namespace Hotline.Ledger.Province;

/// <summary>
/// The cities the province reads, and each one's ledger. The only way province reads reach a city: a
/// deployment with a database per city answers with its tenants; a single-city deployment with its one city.
/// </summary>
public interface IProvinceCities
{
    /// <summary>Every city, in the order the province lists them.</summary>
    Task<IReadOnlyList<City>> ListAsync(CancellationToken cancellation);

    /// <summary>The city with this code (case-insensitive) opened for reading, or null for a code the province does not know.</summary>
    Task<CityLedger?> OpenAsync(string code, CancellationToken cancellation);
}
