using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Ledger.Api.Security;

/// <summary>
/// A body that does not read as the route's JSON is refused by Wolverine before any validator runs;
/// this adds the field and the rule to that refusal ("errors": {"occurredOn": [...]}), as every other
/// 400 of the API gives them.
/// </summary>
public static partial class JsonProblemFields
{
    public static void Add(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status400BadRequest || problem is ValidationProblemDetails || problem.Extensions.ContainsKey("errors")) return;

        var (path, message) = context.Exception is JsonException json
            ? (json.Path, json.Message)
            : (PathIn().Match(problem.Detail ?? "") is { Success: true } m ? m.Groups[1].Value : null, problem.Detail ?? "");
        if (string.IsNullOrEmpty(path)) return;

        var field = path.TrimStart('$').TrimStart('.');
        if (field.Length == 0) field = "body";
        var rule = message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "The value has the wrong type or format for this field."
            : message.Split(" Path: ")[0];
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [rule] };
    }

    [GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial Regex PathIn();
}
