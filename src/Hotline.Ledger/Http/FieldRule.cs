namespace Hotline.Ledger.Http;

/// <summary>One rule a request broke: the field (camelCase, as the API speaks), its stable code and its message.</summary>
public sealed record FieldRule(string Field, string Code, string Message)
{
    /// <summary>A rule from the catalogue (<see cref="ProblemText"/>), worded in the request's language.</summary>
    public static FieldRule Of(string field, string code, params object?[] args) => new(field, code, ProblemText.Of(code, args));
}
