namespace Hotline.Ledger.Http;

/// <summary>
/// RFC 7807 answers that name the field and the rule, so a caller can fix the request. Every problem carries
/// a stable <c>code</c> (scripts read it, never the text); a validation problem also carries <c>errorCodes</c>,
/// the codes per field beside the messages of <c>errors</c>. Texts follow the request's language (Chinese unless
/// <c>Accept-Language</c> asks for English).
/// </summary>
public static class Problems
{
    public const string CodeKey = "code";
    public const string ErrorCodesKey = "errorCodes";

    /// <summary>400 for one field, by a rule of the catalogue.</summary>
    public static IResult Invalid(string field, string code, params object?[] args) => Fields([FieldRule.Of(field, code, args)]);

    /// <summary>400 for the field a domain rule names.</summary>
    public static IResult Invalid(FieldRefusal refusal) => Invalid(refusal.Field, refusal.Refusal.Code, refusal.Refusal.Args);

    /// <summary>409 for a domain refusal, on the field it names (if any).</summary>
    public static IResult Refuse(Refusal refusal, string? field = null) => Refuse(refusal.Code, field, refusal.Args);

    /// <summary>409 for a domain refusal, titled by the catalogue's <paramref name="titleCode"/> (e.g. a step out of order).</summary>
    public static IResult RefuseAs(Refusal refusal, string titleCode, string? field = null) => Results.Problem(ConflictProblemAs(refusal, titleCode, field));

    /// <summary>The 409 of <see cref="RefuseAs"/>, as a problem a Wolverine <c>Validate</c> method returns.</summary>
    public static ProblemDetails ConflictProblemAs(Refusal refusal, string titleCode, string? field = null) =>
        Conflicting(refusal.Code, ProblemText.Of(titleCode), refusal.Text, field);

    public static IResult Fields(IReadOnlyList<FieldRule> rules) => Results.Problem(Validation(rules));

    public static ValidationProblemDetails Validation(IReadOnlyList<FieldRule> rules)
    {
        var errors = rules.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Message).Distinct().ToArray());
        var codes = rules.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Code).Distinct().ToArray());
        var problem = new ValidationProblemDetails(errors)
        {
            Title = ProblemText.Of("title.invalid"),
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(" ", rules.Select(r => $"{r.Field}: {r.Message}")),
        };
        problem.Extensions[CodeKey] = rules.Count > 0 ? rules[0].Code : "request.invalid";
        problem.Extensions[ErrorCodesKey] = codes;
        return problem;
    }

    public static IResult NotFound(string what, object id) => Results.Problem(NotFoundProblem(what, id));

    /// <summary>404 for an unknown id, as the problem a Validate step answers with.</summary>
    public static ProblemDetails NotFoundProblem(string what, object id)
    {
        var problem = new ProblemDetails
        {
            Title = ProblemText.Of("title.notFound"),
            Detail = ProblemText.Of("notFound.detail", ProblemText.Noun(what), id),
            Status = StatusCodes.Status404NotFound,
        };
        problem.Extensions[CodeKey] = $"{string.Concat(what.Split(' ').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]))}.notFound";
        return problem;
    }

    /// <summary>The 400 of <see cref="Invalid(string, string, object?[])"/> as the problem itself.</summary>
    public static ProblemDetails InvalidProblem(string field, string code, params object?[] args) => Validation([FieldRule.Of(field, code, args)]);

    /// <summary>The 400 for the field a domain rule names, as the problem itself.</summary>
    public static ProblemDetails InvalidProblem(FieldRefusal refusal) => InvalidProblem(refusal.Field, refusal.Refusal.Code, refusal.Refusal.Args);

    /// <summary>
    /// Any other status by a rule of the catalogue (401, 403, 413, 415…): titled by <c>{code}.title</c> when the catalogue
    /// has one, else by the status's own title (<c>http.{status}.title</c>).
    /// </summary>
    public static IResult Status(int status, string code, params object?[] args) => Results.Problem(StatusProblem(status, code, args));

    public static ProblemDetails StatusProblem(int status, string code, params object?[] args)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ProblemText.Of(ProblemText.Knows($"{code}.title") ? $"{code}.title" : $"http.{status}.title"),
            Detail = ProblemText.Of(code, args),
        };
        problem.Extensions[CodeKey] = code;
        return problem;
    }

    /// <summary>409 by a rule of the catalogue; its title is the catalogue's <c>{code}.title</c> when there is one.</summary>
    public static IResult Refuse(string code, string? field, params object?[] args) => Results.Problem(ConflictProblem(code, field, args));

    /// <summary>The 409 of <see cref="Refuse(string, string?, object?[])"/>, as a problem a Wolverine <c>Validate</c> method returns.</summary>
    public static ProblemDetails ConflictProblem(string code, string? field, params object?[] args) =>
        Conflicting(code, ProblemText.Knows($"{code}.title") ? ProblemText.Of($"{code}.title") : ProblemText.Of("title.conflict"),
            ProblemText.Of(code, args), field);

    /// <summary>The 409 of <see cref="Refuse(Refusal, string?)"/>, as a problem a Wolverine <c>Validate</c> method returns.</summary>
    public static ProblemDetails ConflictProblem(Refusal refusal, string? field = null) => ConflictProblem(refusal.Code, field, refusal.Args);

    /// <summary>409 with a title from the catalogue and a detail the caller words (e.g. a list it computed).</summary>
    public static IResult RefuseWith(string code, string titleCode, string detail, string? field) =>
        Results.Problem(Conflicting(code, ProblemText.Of(titleCode), detail, field));

    private static ProblemDetails Conflicting(string code, string title, string detail, string? field)
    {
        ProblemDetails problem;
        if (field is null) problem = new ProblemDetails();
        else
        {
            problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] });
            problem.Extensions[ErrorCodesKey] = new Dictionary<string, string[]> { [field] = [code] };
        }

        problem.Title = title;
        problem.Detail = detail;
        problem.Status = StatusCodes.Status409Conflict;
        problem.Extensions[CodeKey] = code;
        return problem;
    }

    /// <summary>A domain rejection as the problem it answers: 400 naming the field, 409, or 403.</summary>
    public static ProblemDetails Of(Rejection rejection) => rejection.Kind switch
    {
        RejectionKind.Invalid => Validation([FieldRule.Of(rejection.Field ?? "body", rejection.Refusal.Code, rejection.Refusal.Args)]),
        RejectionKind.Forbidden => StatusProblem(StatusCodes.Status403Forbidden, rejection.Refusal.Code, rejection.Refusal.Args),
        _ => ConflictProblem(rejection.Refusal.Code, rejection.Field, rejection.Refusal.Args),
    };
}
