using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Builder;
using JasperFx.CodeGeneration.Frames;

namespace Hotline.Ledger.Security;

/// <summary>
/// Puts a sensitive read on file (docs/security.md): after the endpoint has answered and before the answer is written,
/// <see cref="ReadAudit"/> records who read what <see cref="Kind"/> of records about which <see cref="Subject"/>; if the
/// record cannot be written the request fails rather than going unrecorded. A read refused before the endpoint ran (its
/// 400, 403 or 404 from a binder or a <c>Before</c>/<c>Load</c> step) never gets here, and a problem the endpoint answers
/// itself is not recorded either: only what was shown is.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditedReadAttribute(ReadKind kind, ReadSubject subject = ReadSubject.None) : ModifyHttpChainAttribute
{
    public ReadKind Kind { get; } = kind;
    public ReadSubject Subject { get; } = subject;

    public override void Modify(HttpChain chain, GenerationRules rules)
    {
        chain.Metadata.WithMetadata(this);
        var record = new MethodCall(typeof(AuditedReadAttribute), nameof(RecordAsync));
        record.Arguments[2] = chain.Method.Creates.FirstOrDefault()
            ?? throw new InvalidOperationException($"{chain.OperationId}: an audited read must answer something");
        // Ahead of the frame that writes the answer.
        chain.Postprocessors.Insert(0, record);
    }

    public static Task RecordAsync(HttpContext http, ReadAudit audit, object? answer)
    {
        if (answer is IStatusCodeHttpResult { StatusCode: >= 400 }) return Task.CompletedTask;
        var read = http.GetEndpoint()?.Metadata.GetMetadata<AuditedReadAttribute>()
            ?? throw new InvalidOperationException($"{http.Request.Path}: no audited read declared");
        var (unitId, personId) = read.Subject switch
        {
            ReadSubject.RouteUnit => (RouteId(http), null),
            ReadSubject.RoutePerson => (null, RouteId(http)),
            ReadSubject.Query => (QueryId(http, "unitId"), QueryId(http, "personId")),
            ReadSubject.Answer when answer is IReadSubject about => (about.UnitId, about.PersonId),
            _ => ((Guid?)null, (Guid?)null),
        };
        return audit.RecordAsync(http, read.Kind, unitId, personId, http.RequestAborted);
    }

    private static Guid? RouteId(HttpContext http) => Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var id) ? id : null;

    private static Guid? QueryId(HttpContext http, string name) => Guid.TryParse(http.Request.Query[name].ToString(), out var id) ? id : null;
}
