using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Notices;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine;
using Wolverine.Runtime;

namespace Hotline.Ledger.Tenancy;

/// <summary>Why a city is taken out of service or brought back (optional; kept in its service record).</summary>
public sealed record ChangeCityState(string? Reason);

public sealed class ChangeCityStateValidator : AbstractValidator<ChangeCityState>
{
    public ChangeCityStateValidator() => RuleFor(x => x.Reason).MaximumLength(500);
}

/// <summary>A city as the province's administrator lists it: in service (<c>inService</c>) or <c>disabled</c>, and its last change.</summary>
public sealed record CityListing(string Code, string Name, bool IsDefault, string State, CityStateChange? LastChange);

/// <summary>
/// The province administrator's switch (ADR 0185): a city taken out of service keeps its database and ledger, and its
/// users are refused on every route until it is enabled again.
/// </summary>
public static class CityStateEndpoints
{
    public const string InService = "inService";
    public const string Disabled = "disabled";

    [WolverineGet("/api/cities", OperationId = "listCities")]
    public static async Task<IReadOnlyList<CityListing>> List(Cities cities, CityStates states, CancellationToken ct)
    {
        var latest = await states.LatestAsync(ct);
        return (await cities.ListAsync(ct)).Select(c =>
        {
            var last = latest.GetValueOrDefault(c.Code);
            return new CityListing(c.Code, c.Name, c.IsDefault, last is { Disabled: true } ? Disabled : InService, last);
        }).ToList();
    }

    /// <summary>A city's whole service record, oldest first: every disabling and enabling with who, when and why.</summary>
    [WolverineGet("/api/cities/{code}/states", OperationId = "cityStates")]
    public static async Task<Results<Ok<IReadOnlyList<CityStateChange>>, ProblemHttpResult>> History(string code, Cities cities, CityStates states, CancellationToken ct)
    {
        var city = await cities.FindAsync(code.Trim().ToUpperInvariant(), ct);
        if (city is null) return TypedResults.Problem(Problems.NotFoundProblem("city", code));
        return TypedResults.Ok(await states.HistoryAsync(city.Code, ct));
    }

    [WolverinePost("/api/cities/{code}/disable", OperationId = "disableCity")]
    public static Task<Results<Ok<CityStateChange>, ProblemHttpResult>> Disable(string code, ChangeCityState command, HttpContext http, CityStates states) =>
        Change(() => states.DisableAsync(code, command.Reason, RequestActor.Of(http), CancellationToken.None), code);

    /// <summary>Enabled again, the city's recurring work is sent to it at once, so that deadlines passed meanwhile are judged now (as of each deadline).</summary>
    [WolverinePost("/api/cities/{code}/enable", OperationId = "enableCity")]
    public static async Task<Results<Ok<CityStateChange>, ProblemHttpResult>> Enable(string code, ChangeCityState command, HttpContext http, CityStates states,
        IWolverineRuntime runtime)
    {
        var answer = await Change(() => states.EnableAsync(code, command.Reason, RequestActor.Of(http), CancellationToken.None), code);
        if (answer.Result is Ok<CityStateChange> { Value: { } enabled })
        {
            // On its own, in the city's inbox (as EveryCity sends): not the master database's transaction of this request.
            var messages = new MessageContext(runtime) { TenantId = enabled.Code };
            await messages.PublishAsync(new JudgeDueDeadlines());
            await messages.PublishAsync(new LookAheadForNotices());
        }

        return answer;
    }

    private static async Task<Results<Ok<CityStateChange>, ProblemHttpResult>> Change(Func<Task<CityStateChange>> change, string code)
    {
        try
        {
            return TypedResults.Ok(await change());
        }
        catch (CityNotFoundException)
        {
            return TypedResults.Problem(Problems.NotFoundProblem("city", code));
        }
        catch (CityRefusedException e)
        {
            return TypedResults.Problem(Problems.ConflictProblem(e.Code, e.Field, e.Args));
        }
    }
}
