using Hotline.Ledger.Rulebooks;
using Microsoft.Extensions.Configuration;

namespace Hotline.Ledger.Province;

/// <summary>
/// A deployment that holds one city: the store's own database is that city, scored by the host's rulebooks.
/// Its code and name come from <c>Hotline:City:Code</c> and <c>Hotline:City:Name</c> (default xy, 信阳市).
/// </summary>
public sealed class OneCity(IDocumentStore store, RulebookCatalog rulebooks, IConfiguration config) : IProvinceCities
{
    public const string Section = "Hotline:City";

    private readonly City _city = new(
        string.IsNullOrWhiteSpace(config[$"{Section}:Code"]) ? "xy" : config[$"{Section}:Code"]!.Trim(),
        string.IsNullOrWhiteSpace(config[$"{Section}:Name"]) ? "信阳市" : config[$"{Section}:Name"]!.Trim());

    public Task<IReadOnlyList<City>> ListAsync(CancellationToken cancellation) => Task.FromResult<IReadOnlyList<City>>([_city]);

    public Task<CityLedger?> OpenAsync(string code, CancellationToken cancellation) =>
        Task.FromResult(string.Equals(code?.Trim(), _city.Code, StringComparison.OrdinalIgnoreCase)
            ? new CityLedger(_city, store.QuerySession(), rulebooks)
            : null);
}
