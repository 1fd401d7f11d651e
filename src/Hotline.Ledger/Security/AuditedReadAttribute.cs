using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Builder;
using JasperFx.CodeGeneration.Frames;

namespace Hotline.Ledger.Security;

/// <summary>
/// Puts a sensitive read on file (docs/security.md): <see cref="ReadAudit"/> records who read what <see cref="Kind"/> of
/// records about which <see cref="Subject"/>, and the answer is written only once the record is committed; if it
/// cannot be, the request fails rather than going unrecorded. The record's flush starts as the endpoint starts, after
/// every refusal of a binder or a <c>Before</c>/<c>Load</c> step (<see cref="AuditedReadPolicy"/> keeps it last), and
/// runs while the endpoint works, so the read waits for the longer of the two instead of both in turn. A read refused
/// before the endpoint ran (its 400, 403 or 404) is never recorded; one whose endpoint answers a problem or fails has
/// its record withdrawn: only what was shown is listed. A read about the subject of its answer can only be recorded
/// after the endpoint, as before.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditedReadAttribute(ReadKind kind, ReadSubject subject = ReadSubject.None) : ModifyHttpChainAttribute
{
    public ReadKind Kind { get; } = kind;
    public ReadSubject Subject { get; } = subject;

    public override void Modify(HttpChain chain, GenerationRules rules)
    {
        chain.Metadata.WithMetadata(this);
        var answer = chain.Method.Creates.FirstOrDefault()
            ?? throw new InvalidOperationException($"{chain.OperationId}: an audited read must answer something");
        if (Subject == ReadSubject.Answer)
        {
            var record = new MethodCall(typeof(AuditedReadAttribute), nameof(RecordAsync));
            record.Arguments[2] = answer;
            // Ahead of the frame that writes the answer.
            chain.Postprocessors.Insert(0, record);
            return;
        }

        var begin = new MethodCall(typeof(AuditedReadAttribute), nameof(Begin));
        chain.Middleware.Add(begin);
        var settle = new MethodCall(typeof(AuditedReadAttribute), nameof(SettleAsync));
        settle.Arguments[2] = begin.ReturnVariable!;
        settle.Arguments[3] = answer;
        chain.Postprocessors.Insert(0, settle);
    }

    /// <summary>Starts the read's record as the endpoint starts; null when the read audit writes it after the endpoint.</summary>
    public static PendingRead? Begin(HttpContext http, [FromServices] ReadAudit audit)
    {
        if (!audit.StartsWithTheRead) return null;
        var read = Declared(http);
        var (unitId, personId) = read.SubjectOf(http, null);
        var pending = audit.Begin(http, read.Kind, unitId, personId);
        // An endpoint that throws never reaches SettleAsync: its record is withdrawn once the failure is answered.
        http.Response.OnCompleted(() => pending.Settle() ? audit.WithdrawAsync(pending) : Task.CompletedTask);
        return pending;
    }

    /// <summary>Before the answer is written: waits until the read's record is committed, or withdraws it when the answer is a problem.</summary>
    public static Task SettleAsync(HttpContext http, [FromServices] ReadAudit audit, PendingRead? pending, object? answer)
    {
        if (pending is null) return RecordAsync(http, audit, answer);
        if (!pending.Settle()) return Task.CompletedTask;
        return answer is IStatusCodeHttpResult { StatusCode: >= 400 }
            ? audit.WithdrawAsync(pending)
            : pending.Written.WaitAsync(http.RequestAborted);
    }

    public static Task RecordAsync(HttpContext http, ReadAudit audit, object? answer)
    {
        if (answer is IStatusCodeHttpResult { StatusCode: >= 400 }) return Task.CompletedTask;
        var read = Declared(http);
        var (unitId, personId) = read.SubjectOf(http, answer);
        return audit.RecordAsync(http, read.Kind, unitId, personId, http.RequestAborted);
    }

    private static AuditedReadAttribute Declared(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<AuditedReadAttribute>()
        ?? throw new InvalidOperationException($"{http.Request.Path}: no audited read declared");

    private (Guid? UnitId, Guid? PersonId) SubjectOf(HttpContext http, object? answer) => Subject switch
    {
        ReadSubject.RouteUnit => (RouteId(http), null),
        ReadSubject.RoutePerson => (null, RouteId(http)),
        ReadSubject.Query => (QueryId(http, "unitId"), QueryId(http, "personId")),
        ReadSubject.Answer when answer is IReadSubject about => (about.UnitId, about.PersonId),
        _ => ((Guid?)null, (Guid?)null),
    };

    private static Guid? RouteId(HttpContext http) => Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var id) ? id : null;

    private static Guid? QueryId(HttpContext http, string name) => Guid.TryParse(http.Request.Query[name].ToString(), out var id) ? id : null;
}
