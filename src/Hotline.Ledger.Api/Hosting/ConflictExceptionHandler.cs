using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Turns the store's refusals into answers: a lost optimistic-concurrency race or a unique-key
/// violation is a 409, a body that is not JSON is a 400. Nothing was appended in either case,
/// because the failing transaction rolled back whole.
/// </summary>
public sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Classify(exception);
        if (problem is null) return false;

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    // Matched by name: these types move between Marten, Weasel and JasperFx assemblies across versions.
    private static readonly HashSet<string> ConcurrencyFailures =
    [
        "ConcurrencyException", "EventStreamUnexpectedMaxEventIdException", "ExistingStreamIdCollisionException",
    ];

    private static ProblemDetails? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException!)
        {
            var name = e.GetType().Name;
            if (ConcurrencyFailures.Contains(name))
                return Conflict("Someone else changed this at the same moment; read it again and retry.");
            if (name == "DocumentAlreadyExistsException" || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return Conflict("This would record something a second time that may be recorded only once.");
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure })
                return Conflict("Someone else changed this at the same moment; retry.");
            if (e is System.Text.Json.JsonException json) return BadJson(json);
            if (e is BadHttpRequestException bad)
                return new ProblemDetails { Title = "The request is not valid for this route", Detail = bad.Message, Status = bad.StatusCode };
        }

        return null;
    }

    // Names the field as the validators do ("evidence[0].title"), so a caller can see what to fix.
    private static ProblemDetails BadJson(System.Text.Json.JsonException json)
    {
        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$').TrimStart('.') : "body";
        var rule = json.Message.Split(" Path: ")[0].Split(" LineNumber: ")[0].TrimEnd(' ', '|');
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [rule] })
        {
            Title = "The request body is not valid JSON for this route",
            Detail = $"{field}: {rule}",
            Status = StatusCodes.Status400BadRequest,
        };
    }

    private static ProblemDetails Conflict(string detail) =>
        new() { Title = "Conflict", Detail = detail, Status = StatusCodes.Status409Conflict };
}
