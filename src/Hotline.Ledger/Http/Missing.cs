namespace Hotline.Ledger.Http;

/// <summary>
/// What Wolverine's <c>[WriteAggregate]</c>, <c>[Aggregate]</c> and <c>[Entity]</c> answer when the id names nothing.
/// The attribute writes a 404 problem whose detail is its <c>MissingMessage</c> with <c>{Id}</c> filled in, a fixed
/// string in no language; ours carries the noun, and <see cref="Reword"/> (run by the host for every problem it
/// writes) turns it into the 404 every other route answers: the catalogue's title and detail in the request's
/// language and the code <c>{noun}.notFound</c>. Usage:
/// <c>[WriteAggregate(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Evaluation)]</c>.
/// </summary>
public static class Missing
{
    private const string Prefix = "notFound|";

    public const string Evaluation = Prefix + "evaluation|{Id}";
    public const string Circular = Prefix + "circular|{Id}";
    public const string CommendationPlan = Prefix + "commendation plan|{Id}";
    public const string Referral = Prefix + "referral|{Id}";

    /// <summary>True when the problem was an attribute's 404 and is now worded as ours.</summary>
    public static bool Reword(ProblemDetails problem)
    {
        if (problem.Status != StatusCodes.Status404NotFound || problem.Detail is not { } detail || !detail.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var parts = detail[Prefix.Length..].Split('|', 2);
        if (parts.Length != 2) return false;
        var ours = Problems.NotFoundProblem(parts[0], parts[1]);
        problem.Title = ours.Title;
        problem.Detail = ours.Detail;
        foreach (var (key, value) in ours.Extensions) problem.Extensions[key] = value;
        return true;
    }
}
