using Hotline.Ledger.Evaluation.YearEnd;

namespace Hotline.Ledger.Province;

public static class CityResultsEndpoint
{
    public static Task<City?> LoadAsync(string code, IProvinceCities province, CancellationToken cancellation) =>
        ProvinceChecks.Find(province, code, cancellation);

    public static ProblemDetails Validate(City? city, string code) => ProvinceChecks.Known(city, code);

    /// <summary>A city's approved year-end results, one per year; drafts and results awaiting approval are not the province's to read.</summary>
    [WolverineGet("/api/province/cities/{code}/results", OperationId = "provinceCityResults")]
    public static async Task<IReadOnlyList<EvaluationSummary>> Get(City city, IProvinceCities province, CancellationToken cancellation)
    {
        await using var ledger = (await province.OpenAsync(city.Code, cancellation))!;
        return (await YearEndEvaluations.Approved(ledger.Session)).Select(EvaluationSummary.Of).ToList();
    }
}
