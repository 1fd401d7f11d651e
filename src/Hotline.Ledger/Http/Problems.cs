using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Ledger.Http;

/// <summary>RFC 7807 answers that name the field and the rule, so a caller can fix the request.</summary>
public static class Problems
{
    public static IResult Field(string field, string rule) => Fields(new() { [field] = [rule] });

    public static IResult Fields(Dictionary<string, string[]> errors) =>
        Results.Problem(new ValidationProblemDetails(errors)
        {
            Title = "The request is not valid",
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
        });

    public static IResult NotFound(string what, object id) =>
        Results.Problem(title: $"No such {what}", detail: $"There is no {what} with id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string title, string detail, string? field = null)
    {
        var problem = field is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
        problem.Title = title;
        problem.Detail = detail;
        problem.Status = StatusCodes.Status409Conflict;
        return Results.Problem(problem);
    }
}
