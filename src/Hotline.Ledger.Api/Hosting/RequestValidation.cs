using FluentValidation;
using FluentValidation.Results;
using Hotline.Ledger.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Api.Hosting;

public static class RequestValidation
{
    /// <summary>Called by generated endpoint code; answers 400 naming each field, rule and code, or lets the request through.</summary>
    public static async Task<IResult> Check<T>(IValidator<T> validator, T request)
    {
        if (request is null) return Problems.Invalid("body", "body.required");
        if (Security.TextGuard.Faults(request) is { Count: > 0 } faults) return Problems.Fields(faults);
        var result = await validator.ValidateAsync(request);
        if (result.IsValid) return WolverineContinue.Result();
        return Problems.Fields(result.Errors.Select(e => Rule(typeof(T), e)).ToList());
    }

    /// <summary>
    /// A validator's failure as a coded rule. A rule with a code of the catalogue (<c>WithErrorCode("entry.points.magnitude")</c>)
    /// is worded by the catalogue in the request's language (its arguments in <c>WithState</c> as an array); any other is coded <c>{subject}.{field}.{rule}</c> from
    /// FluentValidation's own validator name (<c>entry.reason.required</c>), its message in FluentValidation's wording
    /// of the request's language.
    /// </summary>
    internal static FieldRule Rule(Type request, ValidationFailure failure)
    {
        var field = FieldName(failure.PropertyName);
        if (failure.ErrorCode is { } code && code.Contains('.'))
            return new FieldRule(field, code, !ProblemText.Knows(code) ? failure.ErrorMessage
                : failure.CustomState is object?[] args ? ProblemText.Of(code, args) : ProblemText.Of(code));
        var leaf = field.Split('.')[^1];
        var bracket = leaf.IndexOf('[');
        if (bracket > 0) leaf = leaf[..bracket];
        return new FieldRule(field, $"{Subject(request)}.{leaf}.{RuleName(failure.ErrorCode)}", failure.ErrorMessage);
    }

    // FluentValidation names properties as in C# ("Evidence[0].Title"); the API speaks camelCase.
    internal static string FieldName(string property) =>
        string.Join('.', property.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static readonly string[] Verbs =
        ["Record", "Register", "Create", "Issue", "File", "Decide", "Submit", "Rescind", "Transfer", "Link", "Make", "Draft", "Return", "Approve", "Amend", "Add", "Set", "Record"];

    /// <summary>What the request is about, from its type: RecordEntry → entry, FileAppeal → appeal.</summary>
    internal static string Subject(Type request)
    {
        var name = request.Name;
        var verb = Verbs.FirstOrDefault(v => name.StartsWith(v, StringComparison.Ordinal) && name.Length > v.Length && char.IsUpper(name[v.Length]));
        if (verb is not null) name = name[verb.Length..];
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string RuleName(string? validator) => validator switch
    {
        "NotEmptyValidator" or "NotNullValidator" => "required",
        "NullValidator" or "EmptyValidator" => "notAllowed",
        "MaximumLengthValidator" or "LengthValidator" or "MinimumLengthValidator" or "ExactLengthValidator" => "length",
        "GreaterThanValidator" or "GreaterThanOrEqualValidator" or "LessThanValidator" or "LessThanOrEqualValidator"
            or "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" => "outOfRange",
        "ScalePrecisionValidator" or "PrecisionScaleValidator" => "precision",
        "RegularExpressionValidator" or "EmailValidator" => "format",
        "NotEqualValidator" or "EqualValidator" => "invalid",
        "EnumValidator" or "StringEnumValidator" => "unknownValue",
        _ => "invalid",
    };
}
