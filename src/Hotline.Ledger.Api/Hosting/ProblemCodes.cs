using System.Text.Json;
using System.Text.RegularExpressions;
using Hotline.Ledger.Http;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Every problem the API writes carries a <c>code</c>: the routes' own refusals set theirs (<see cref="Problems"/>);
/// the answers of the framework (401, 403, 405, 413, …) get one from their status here. A body Wolverine could not
/// read as the route's JSON is reworded here into the validation problem every other 400 is: the field, what to type
/// there, its code, the same type and title.
/// </summary>
public static partial class ProblemCodes
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        // A 404 of Wolverine's loading attributes, worded as every other 404.
        Missing.Reword(problem);
        if (problem.Status == StatusCodes.Status400BadRequest && problem is not ValidationProblemDetails && !problem.Extensions.ContainsKey(Problems.CodeKey))
            Reword(context);
        if (problem.Extensions.ContainsKey(Problems.CodeKey)) return;
        problem.Extensions[Problems.CodeKey] = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "request.invalid",
            StatusCodes.Status401Unauthorized => "auth.unauthenticated",
            StatusCodes.Status403Forbidden => "auth.forbidden",
            StatusCodes.Status404NotFound => "route.notFound",
            StatusCodes.Status405MethodNotAllowed => "route.methodNotAllowed",
            StatusCodes.Status409Conflict => "conflict",
            StatusCodes.Status413PayloadTooLarge => "request.tooLarge",
            StatusCodes.Status415UnsupportedMediaType => "request.unsupportedMediaType",
            StatusCodes.Status429TooManyRequests => "request.tooMany",
            >= 500 => "server.error",
            _ => $"http.{problem.Status}",
        };
    }

    /// <summary>
    /// Wolverine logs a body it cannot read as an error under the request type's name (the body record of an HTTP
    /// route, such as RecordEntry, which nothing else logs under). It is the caller's mistake: that error is dropped and
    /// <see cref="Reword"/> logs a warning naming the field instead. The rule names those categories alone, so the
    /// configured levels of every other category (and the handlers' own failures) stand.
    /// </summary>
    public static void QuietJsonReadErrors(ILoggingBuilder logging)
    {
        var bodies = typeof(Problems).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(m => m.GetCustomAttributes(typeof(Wolverine.Http.WolverineHttpMethodAttribute), inherit: true).Length > 0)
            .SelectMany(m => m.GetParameters())
            .Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)
            .Where(t => t.IsClass && t.GetMethod("<Clone>$") is not null && t.FullName is not null)
            .Select(t => t.FullName!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var body in bodies) logging.AddFilter(body, level => level is >= LogLevel.Warning and < LogLevel.Error);
    }

    private static void Reword(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var (path, message) = context.Exception is JsonException json
            ? (json.Path, json.Message)
            : (PathIn().Match(problem.Detail ?? "") is { Success: true } m ? m.Groups[1].Value : null, problem.Detail ?? "");
        if (string.IsNullOrEmpty(path) || context.Exception is not (null or JsonException)) return;

        var valid = ConflictExceptionHandler.BadJson(path, message, ConflictExceptionHandler.RequestType(context.HttpContext));
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
        problem.Title = valid.Title;
        problem.Detail = valid.Detail;
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
        problem.Extensions["errors"] = valid.Errors;
        foreach (var (key, value) in valid.Extensions) problem.Extensions[key] = value;
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemCodes))
            .LogWarning("{Method} {Path} refused (400, {Code}): {Detail}", context.HttpContext.Request.Method, context.HttpContext.Request.Path,
                valid.Extensions[Problems.CodeKey], valid.Detail);
    }

    [GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial Regex PathIn();
}
