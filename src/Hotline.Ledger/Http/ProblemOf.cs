using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Ledger.Http;

/// <summary>
/// The problem bodies of <see cref="Problems"/> as <see cref="ProblemDetails"/>, for the <c>Validate</c>/<c>Before</c>
/// methods Wolverine runs ahead of an endpoint: a returned problem (other than <c>WolverineContinue.NoProblems</c>) is
/// written as the answer and the endpoint never runs, so nothing is appended. Same codes, titles and wording.
/// </summary>
public static class ProblemOf
{
    /// <summary>400 for one field, by a rule of the catalogue.</summary>
    public static ProblemDetails Invalid(string field, string code, params object?[] args) =>
        Problems.Validation([FieldRule.Of(field, code, args)]);

    /// <summary>400 for the field a domain rule names.</summary>
    public static ProblemDetails Invalid(this FieldRefusal refusal) => Invalid(refusal.Field, refusal.Refusal.Code, refusal.Refusal.Args);

    /// <summary>409 for a domain refusal, on the field it names (if any); titled by the catalogue's <c>{code}.title</c> when there is one.</summary>
    public static ProblemDetails Conflict(this Refusal refusal, string? field = null) => Conflicting(refusal.Code,
        ProblemText.Knows($"{refusal.Code}.title") ? ProblemText.Of($"{refusal.Code}.title") : ProblemText.Of("title.conflict"), refusal.Text, field);

    /// <summary>409 for a domain refusal, titled by the catalogue's <paramref name="titleCode"/> (e.g. a step out of order).</summary>
    public static ProblemDetails ConflictAs(this Refusal refusal, string titleCode, string? field = null) =>
        Conflicting(refusal.Code, ProblemText.Of(titleCode), refusal.Text, field);

    /// <summary>409 with a title from the catalogue and a detail the caller words (e.g. a list it computed).</summary>
    public static ProblemDetails ConflictWith(string code, string titleCode, string detail, string? field) =>
        Conflicting(code, ProblemText.Of(titleCode), detail, field);

    /// <summary>404 for an id nothing has, e.g. <c>evaluation.notFound</c>.</summary>
    public static ProblemDetails NotFound(string what, object id)
    {
        var problem = new ProblemDetails
        {
            Title = ProblemText.Of("title.notFound"),
            Detail = ProblemText.Of("notFound.detail", ProblemText.Noun(what), id),
            Status = StatusCodes.Status404NotFound,
        };
        problem.Extensions[Problems.CodeKey] = $"{string.Concat(what.Split(' ').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]))}.notFound";
        return problem;
    }

    internal static ProblemDetails Conflicting(string code, string title, string detail, string? field)
    {
        ProblemDetails problem;
        if (field is null) problem = new ProblemDetails();
        else
        {
            problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
            problem.Extensions[Problems.ErrorCodesKey] = new Dictionary<string, string[]> { [field] = [code] };
        }

        problem.Title = title;
        problem.Detail = detail;
        problem.Status = StatusCodes.Status409Conflict;
        problem.Extensions[Problems.CodeKey] = code;
        return problem;
    }
}
