using FluentValidation;
using Hotline.Ledger.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Api.Hosting;

public static class RequestValidation
{
    /// <summary>Called by generated endpoint code; answers 400 naming each field and rule, or lets the request through.</summary>
    public static async Task<IResult> Check<T>(IValidator<T> validator, T request)
    {
        if (request is null) return Problems.Field("body", "A JSON body is required.");
        if (Security.TextGuard.Faults(request) is { Count: > 0 } faults) return Problems.Fields(faults);
        var result = await validator.ValidateAsync(request);
        if (result.IsValid) return WolverineContinue.Result();

        var errors = result.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return Problems.Fields(errors);
    }

    // FluentValidation names properties as in C# ("Evidence[0].Title"); the API speaks camelCase.
    internal static string FieldName(string property) =>
        string.Join('.', property.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
