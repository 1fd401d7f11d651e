using Hotline.Ledger.Http;
using Hotline.Ledger.Scoring;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Hotline.Ledger.Province;

/// <summary>What the province's routes refuse before they read: a city the province does not know, a query on the two clocks that does not parse.</summary>
public static class ProvinceChecks
{
    /// <summary>The city named in the path, from the province's own list (no city's ledger is opened to find it).</summary>
    public static async Task<City?> Find(IProvinceCities province, string code, CancellationToken cancellation) =>
        (await province.ListAsync(cancellation)).FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static ProblemDetails Known(City? city, string code) =>
        city is null ? Problems.NotFoundProblem("city", code) : WolverineContinue.NoProblems;

    /// <summary>The year, asOf and knownAt as every score read takes them (defaults and refusals of API.md).</summary>
    public static ProblemDetails Query(string? year, string? asOf, string? knownAt, TimeProvider clock) =>
        ScoreQuery.Parse(year, asOf, knownAt, clock) is { Fault: { } fault } ? Problems.InvalidProblem(fault) : WolverineContinue.NoProblems;

    /// <summary>The query once <see cref="Query"/> has let it through.</summary>
    public static ScoreQuery Parsed(string? year, string? asOf, string? knownAt, TimeProvider clock) =>
        ScoreQuery.Parse(year, asOf, knownAt, clock).Query!;

    /// <summary>A year in the path or the query: four digits from 2000 to 2100.</summary>
    public static ProblemDetails Year(string? year, bool required) =>
        string.IsNullOrWhiteSpace(year) && !required
            ? WolverineContinue.NoProblems
            : int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100
                ? WolverineContinue.NoProblems
                : Problems.Validation([FieldRule.Of("year", "year.format")]);

    /// <summary>The first refusal of several, or none.</summary>
    public static ProblemDetails First(params ProblemDetails[] checks) =>
        checks.FirstOrDefault(c => !ReferenceEquals(c, WolverineContinue.NoProblems)) ?? WolverineContinue.NoProblems;

    public static int? YearOf(string? year) => string.IsNullOrWhiteSpace(year) ? null : int.Parse(year, System.Globalization.CultureInfo.InvariantCulture);
}
