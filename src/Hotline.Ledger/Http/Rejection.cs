namespace Hotline.Ledger.Http;

/// <summary>
/// A domain decision's "no": what kind of refusal, the catalogue's reason, and the field of the request it is
/// about (if any). Domain code returns it; the HTTP edge turns it into the problem it answers
/// (<see cref="Problems.Of(Rejection)"/>: 400, 409 or 403).
/// </summary>
public sealed record Rejection(RejectionKind Kind, Refusal Refusal, string? Field = null)
{
    /// <summary>The request breaks a rule of <paramref name="field"/> (400).</summary>
    public static Rejection Invalid(string field, string code, params object?[] args) => new(RejectionKind.Invalid, new Refusal(code, args), field);

    public static Rejection Invalid(FieldRefusal fault) => new(RejectionKind.Invalid, fault.Refusal, fault.Field);

    /// <summary>The request contradicts what the ledger holds (409), about <paramref name="field"/> when it names one.</summary>
    public static Rejection Conflict(string? field, string code, params object?[] args) => new(RejectionKind.Conflict, new Refusal(code, args), field);

    /// <summary>The caller may not take this step (403).</summary>
    public static Rejection Forbidden(Refusal reason) => new(RejectionKind.Forbidden, reason);
}
