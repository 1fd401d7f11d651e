using Hotline.Ledger.Evaluation.Circulars;

namespace Hotline.Ledger.Province;

public static class CityCircularEndpoint
{
    /// <summary>The city, and the circular read from that city's ledger (null when either is unknown).</summary>
    public static async Task<(City?, CircularView?)> LoadAsync(string code, Guid id, IProvinceCities province, CancellationToken cancellation)
    {
        if (await ProvinceChecks.Find(province, code, cancellation) is not { } city) return (null, null);
        await using var ledger = (await province.OpenAsync(city.Code, cancellation))!;
        return (city, await CircularReads.Load(ledger.Session, id) is { } loaded ? CircularView.Of(loaded.Circular, loaded.Stored.Sheet) : null);
    }

    public static ProblemDetails Validate(City? city, CircularView? circular, string code, Guid id) =>
        ProvinceChecks.First(ProvinceChecks.Known(city, code), circular is null ? Problems.NotFoundProblem("circular", id) : WolverineContinue.NoProblems);

    /// <summary>One of a city's circulars, as issued and unchanged since.</summary>
    [WolverineGet("/api/province/cities/{code}/circulars/{id}", OperationId = "provinceCityCircular")]
    public static CircularView Get(CircularView circular) => circular;
}
