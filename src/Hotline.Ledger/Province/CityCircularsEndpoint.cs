using Hotline.Ledger.Evaluation.Circulars;

namespace Hotline.Ledger.Province;

public static class CityCircularsEndpoint
{
    public static Task<City?> LoadAsync(string code, IProvinceCities province, CancellationToken cancellation) =>
        ProvinceChecks.Find(province, code, cancellation);

    public static ProblemDetails Validate(City? city, string code) => ProvinceChecks.Known(city, code);

    /// <summary>A city's issued circulars (of a year, when given), as the city lists them.</summary>
    [WolverineGet("/api/province/cities/{code}/circulars", OperationId = "provinceCityCirculars")]
    public static async Task<IReadOnlyList<CircularSummary>> Get(City city, YearFilter filter, IProvinceCities province, CancellationToken cancellation)
    {
        await using var ledger = (await province.OpenAsync(city.Code, cancellation))!;
        return await CircularReads.List(ledger.Session, filter.Year);
    }
}
