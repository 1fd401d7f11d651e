namespace Hotline.Ledger.Http;

/// <summary>A list's optional <c>?year=</c> filter: absent, or a year from 2000 to 2100; anything else is 400 <c>year.format</c>.</summary>
public static class QueryYear
{
    public static int? Parse(string? year, NumberStyles styles = NumberStyles.None) =>
        int.TryParse(year, styles, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : null;

    /// <summary>For a list endpoint's <c>Validate</c>.</summary>
    public static ProblemDetails Check(string? year, NumberStyles styles = NumberStyles.None) =>
        !string.IsNullOrWhiteSpace(year) && Parse(year, styles) is null ? Problems.InvalidProblem("year", "year.format") : WolverineContinue.NoProblems;
}
