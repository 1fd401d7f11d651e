using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Hotline.Ledger.Province;

public static class CityRatesEndpoint
{
    public static Task<City?> LoadAsync(string code, IProvinceCities province, CancellationToken cancellation) =>
        ProvinceChecks.Find(province, code, cancellation);

    public static ProblemDetails Validate(City? city, string code, string? year, string? asOf, string? knownAt, TimeProvider clock) =>
        ProvinceChecks.First(ProvinceChecks.Known(city, code), ProvinceChecks.Query(year, asOf, knownAt, clock));

    /// <summary>A city's rates at (asOf, knownAt): its cases together and unit by unit.</summary>
    [WolverineGet("/api/province/cities/{code}/rates", OperationId = "provinceCityRates")]
    public static async Task<CityRates> Get(City city, string? year, string? asOf, string? knownAt, TimeProvider clock,
        IProvinceCities province, ReadAudit audit, HttpContext http)
    {
        await audit.RecordAsync(http, ReadKind.Rates, cancellation: http.RequestAborted);
        await using var ledger = (await province.OpenAsync(city.Code, http.RequestAborted))!;
        return await CityRates.Of(ledger, ProvinceChecks.Parsed(year, asOf, knownAt, clock));
    }
}
