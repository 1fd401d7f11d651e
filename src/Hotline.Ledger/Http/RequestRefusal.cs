using Microsoft.AspNetCore.Mvc;

namespace Hotline.Ledger.Http;

/// <summary>
/// Why a request is refused on one of its fields, by a domain rule: the field cannot be so (400), or the ledger has no
/// room for it (409, e.g. a quota). The rule says which; <see cref="Problem"/> is how the HTTP edge answers it.
/// </summary>
public sealed record RequestRefusal(FieldRefusal Fault, bool Conflict)
{
    public static RequestRefusal Invalid(string field, string code, params object?[] args) => new(new(field, code, args), false);

    public static RequestRefusal Conflicting(string field, string code, params object?[] args) => new(new(field, code, args), true);

    public ProblemDetails Problem() => Conflict ? Fault.Refusal.Conflict(Fault.Field) : Fault.Invalid();
}
