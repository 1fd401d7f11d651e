using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Ledger.Tenancy;

/// <summary>A city to add: its code (what tokens name in their <c>city</c> claim) and its Chinese name.</summary>
public sealed record AddCity(string Code, string Name);

public sealed class AddCityValidator : AbstractValidator<AddCity>
{
    public AddCityValidator()
    {
        RuleFor(x => x.Code).NotEmpty().Matches("^[A-Z][A-Z0-9-]{1,15}$").WithErrorCode("city.code.format");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(40);
    }
}

/// <summary>
/// The province administrator's routes (ADR 0111): the cities on this deployment, and adding one at run
/// time. A city's database is created beside the master database; one on another server is named with
/// <c>tenants add --connection</c> on the machine itself, never over HTTP.
/// </summary>
public static class CityEndpoints
{
    // The list, with each city's state, is CityStateEndpoints.List.

    /// <summary>201 with the city, or the problem of a code taken (409) or refused (400): known only once it is tried.</summary>
    [WolverinePost("/api/cities", OperationId = "addCity")]
    public static async Task<Results<Created<City>, ProblemHttpResult>> Add(AddCity command, Cities cities)
    {
        try
        {
            // Not the request's token: a database half made is finished whatever the client does.
            var city = await cities.AddAsync(command.Code, command.Name, connection: null, CancellationToken.None);
            return TypedResults.Created($"/api/cities/{city.Code}", city);
        }
        catch (CityRefusedException e) when (e.Code == "city.exists")
        {
            return TypedResults.Problem(Problems.StatusProblem(StatusCodes.Status409Conflict, e.Code, e.Args));
        }
        catch (CityRefusedException e)
        {
            return TypedResults.Problem(Problems.InvalidProblem(e.Field, e.Code, e.Args));
        }
    }
}
