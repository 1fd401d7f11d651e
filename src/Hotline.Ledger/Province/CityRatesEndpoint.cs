using Hotline.Ledger.Scoring;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Province;

public static class CityRatesEndpoint
{
    public static Task<City?> LoadAsync(string code, IProvinceCities province, CancellationToken cancellation) =>
        ProvinceChecks.Find(province, code, cancellation);

    public static ProblemDetails Validate(City? city, string code) => ProvinceChecks.Known(city, code);

    /// <summary>A city's rates at (asOf, knownAt): its cases together and unit by unit; on file without a subject (the city is in the path).</summary>
    [WolverineGet("/api/province/cities/{code}/rates", OperationId = "provinceCityRates")]
    [AuditedRead(ReadKind.Rates)]
    public static async Task<CityRates> Get(City city, ScoreQuery query, IProvinceCities province, CancellationToken cancellation)
    {
        await using var ledger = (await province.OpenAsync(city.Code, cancellation))!;
        return await CityRates.Of(ledger, query);
    }
}
