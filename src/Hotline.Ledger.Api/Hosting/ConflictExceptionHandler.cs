using System.Collections;
using System.Reflection;
using System.Text.Json;
using Hotline.Ledger.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Turns the store's refusals into answers: a lost optimistic-concurrency race or a unique-key
/// violation is a 409, a body that is not JSON, or not the JSON the route reads, is a 400 naming the field
/// and what to type there. Nothing was appended in either case, because the failing transaction rolled back
/// whole. These are the caller's mistakes or races, not the ledger's faults: they are logged as warnings
/// (400) or information (409), never as errors.
/// </summary>
public sealed class ConflictExceptionHandler(IProblemDetailsService problems, ILogger<ConflictExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Classify(exception, RequestType(http));
        if (problem is null) return false;

        if (problem.Status >= 500) log.LogError(exception, "{Method} {Path} failed: {Detail}", http.Request.Method, http.Request.Path, problem.Detail);
        else if (problem.Status == StatusCodes.Status409Conflict)
            log.LogInformation("{Method} {Path} refused (409, {Code}): {Detail}", http.Request.Method, http.Request.Path, problem.Extensions[Problems.CodeKey], problem.Detail);
        else log.LogWarning("{Method} {Path} refused ({Status}, {Code}): {Detail}", http.Request.Method, http.Request.Path, problem.Status, problem.Extensions[Problems.CodeKey], problem.Detail);

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    // Matched by name: these types move between Marten, Weasel and JasperFx assemblies across versions.
    private static readonly HashSet<string> ConcurrencyFailures =
    [
        "ConcurrencyException", "EventStreamUnexpectedMaxEventIdException", "ExistingStreamIdCollisionException",
    ];

    internal static ProblemDetails? Classify(Exception exception, Type? requestType)
    {
        for (var e = exception; e is not null; e = e.InnerException!)
        {
            var name = e.GetType().Name;
            if (ConcurrencyFailures.Contains(name)) return Conflict("store.concurrent");
            if (name == "DocumentAlreadyExistsException" || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return Conflict("store.duplicate");
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure }) return Conflict("store.serialization");
            if (e is JsonException json) return BadJson(json, requestType);
            if (e is BadHttpRequestException bad)
            {
                var problem = new ProblemDetails { Title = ProblemText.Of("title.badRoute"), Detail = bad.Message, Status = bad.StatusCode };
                problem.Extensions[Problems.CodeKey] = "request.badRoute";
                return problem;
            }
        }

        return null;
    }

    /// <summary>The request body type of the route, so that a conversion failure can say what the field takes.</summary>
    internal static Type? RequestType(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;

    /// <summary>
    /// Names the field as the validators do ("evidence[0].title") and what to type there ("YYYY-MM-DD"), in the
    /// same validation-problem shape as every other 400: never the .NET type the body was read into.
    /// </summary>
    internal static ProblemDetails BadJson(JsonException json, Type? requestType) => BadJson(json.Path, json.Message, requestType);

    internal static ValidationProblemDetails BadJson(string? jsonPath, string message, Type? requestType)
    {
        var field = jsonPath is { Length: > 2 } path ? path.TrimStart('$').TrimStart('.') : "body";
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = message.Split(':').Last().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(m => m.Trim('\'', '.', ' ')).Where(m => m.Length > 0).ToList();
            if (missing.Count > 0) return Problems.Validation(missing.Select(m => FieldRule.Of(m, "json.required", m)).ToList());
        }

        if (!message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) || field == "body")
        {
            var rule = message.Split(" Path: ")[0].Split(" LineNumber: ")[0].TrimEnd(' ', '|');
            if (rule.Contains("could not be converted", StringComparison.Ordinal)) rule = ProblemText.Of("json.object", field);
            return Problems.Validation([FieldRule.Of(field, "json.syntax", field, rule)]);
        }

        var code = Expected(TypeAt(requestType, field)) ?? "json.invalid";
        return Problems.Validation([FieldRule.Of(field, code, field)]);
    }

    private static string? Expected(Type? type)
    {
        if (type is null) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(DateOnly)) return "json.date";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "json.instant";
        if (type == typeof(Guid)) return "json.uuid";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "json.integer";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return "json.number";
        if (type == typeof(bool)) return "json.boolean";
        if (type == typeof(string)) return "json.string";
        if (type.IsEnum) return "json.enum";
        if (typeof(IEnumerable).IsAssignableFrom(type)) return "json.list";
        return "json.object";
    }

    /// <summary>The declared type at a JSON path such as <c>evidence[0].title</c>, or null when the path leaves the type.</summary>
    internal static Type? TypeAt(Type? type, string path)
    {
        foreach (var raw in path.Split('.'))
        {
            if (type is null) return null;
            var bracket = raw.IndexOf('[');
            var name = bracket >= 0 ? raw[..bracket] : raw;
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null) return null;
            type = property.PropertyType;
            if (bracket >= 0) type = ElementOf(type);
        }

        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static ProblemDetails Conflict(string code)
    {
        var problem = new ProblemDetails { Title = ProblemText.Of("title.conflict"), Detail = ProblemText.Of(code), Status = StatusCodes.Status409Conflict };
        problem.Extensions[Problems.CodeKey] = code;
        return problem;
    }
}
