using Hotline.Ledger.Evaluation.YearEnd;

namespace Hotline.Ledger.Province;

public static class CityResultEndpoint
{
    /// <summary>The city, and its approved result of the year read from its ledger, or what the year lacks.</summary>
    public static async Task<(City?, EvaluationView?, Refusal?)> LoadAsync(string code, string year, IProvinceCities province, CancellationToken cancellation)
    {
        if (await ProvinceChecks.Find(province, code, cancellation) is not { } city) return (null, null, null);
        if (AssessmentYear.Read(year) is not ({ } y, null)) return (city, null, null);
        await using var ledger = (await province.OpenAsync(city.Code, cancellation))!;
        var (result, missing) = await ApprovedResult.Of(ledger.Session, y);
        return result is null
            ? (city, null, missing)
            : (city, EvaluationView.Of(result.Evaluation, result.Sheet, YearEndEvaluations.MissingAtApproval(result.Evaluation)), null);
    }

    public static ProblemDetails Validate(City? city, EvaluationView? result, Refusal? missing, string code, string year) =>
        ProvinceChecks.First(
            ProvinceChecks.Known(city, code),
            ProvinceChecks.Year(year),
            // No approved result of the year: not found, with what the city's evaluation still lacks.
            result is null && missing is not null ? Problems.StatusProblem(StatusCodes.Status404NotFound, missing.Code, missing.Args) : WolverineContinue.NoProblems);

    /// <summary>A city's approved year-end result of a year: every unit's and person's scores and grades, frozen at approval.</summary>
    [WolverineGet("/api/province/cities/{code}/results/{year}", OperationId = "provinceCityResult")]
    public static EvaluationView Get(EvaluationView result) => result;
}
