namespace Hotline.Ledger.Province;

/// <summary>What the province's routes refuse before they read: a city the province does not know, a year in the path that is none.</summary>
public static class ProvinceChecks
{
    /// <summary>The city named in the path, from the province's own list (no city's ledger is opened to find it).</summary>
    public static async Task<City?> Find(IProvinceCities province, string code, CancellationToken cancellation) =>
        (await province.ListAsync(cancellation)).FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static ProblemDetails Known(City? city, string code) =>
        city is null ? Problems.NotFoundProblem("city", code) : WolverineContinue.NoProblems;

    /// <summary>A year in the path, read as every year of a query is (<see cref="AssessmentYear.Read"/>).</summary>
    public static ProblemDetails Year(string year) =>
        AssessmentYear.Read(year) is ({ }, null) ? WolverineContinue.NoProblems : Problems.InvalidProblem("year", "year.format");

    /// <summary>The first refusal of several, or none.</summary>
    public static ProblemDetails First(params ProblemDetails[] checks) =>
        checks.FirstOrDefault(c => !ReferenceEquals(c, WolverineContinue.NoProblems)) ?? WolverineContinue.NoProblems;
}
