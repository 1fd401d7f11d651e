using System.Security.Claims;

namespace Hotline.Ledger.Security;

/// <summary>
/// Records reads of the evidence trail, of score replays and of other sensitive views. Call it before
/// answering, with the subject the answer is about (unit, person, or both; neither for an across-units
/// list); if the record cannot be written the read fails rather than going unrecorded:
/// <code>await audit.RecordAsync(http, ReadKind.ScoreReplay, unitId: id);</code>
/// Records are documents, not events: a read changes nothing in the ledger, its sequence or its digest.
/// Concurrent reads share one flush (<see cref="ReadLog"/>); each still waits until its own record is committed.
/// A read declared with <see cref="AuditedReadAttribute"/> starts its record's flush before its own work
/// (<see cref="Begin"/>) and waits for it only before answering.
/// </summary>
public sealed class ReadAudit(ReadLog log, TimeProvider clock)
{
    /// <summary>
    /// Whether an audited read starts its record's flush when it starts (true) or writes it after its work, before
    /// answering (false: the former path, kept so that the benchmark measures both in one run).
    /// </summary>
    public bool StartsWithTheRead { get; set; } = true;

    public Task RecordAsync(HttpContext http, ReadKind kind, Guid? unitId = null, Guid? personId = null, CancellationToken cancellation = default) =>
        log.WriteAsync(Record(http, kind, unitId, personId), cancellation);

    /// <summary>Starts writing the read's record without waiting for it; the read awaits <see cref="PendingRead.Written"/> before answering.</summary>
    public PendingRead Begin(HttpContext http, ReadKind kind, Guid? unitId = null, Guid? personId = null) =>
        log.Start(Record(http, kind, unitId, personId));

    /// <summary>The record of a read that answered nothing is withdrawn once written (<see cref="ReadLog.WithdrawAsync"/>).</summary>
    public Task WithdrawAsync(PendingRead read) => log.WithdrawAsync(read);

    private ReadRecord Record(HttpContext http, ReadKind kind, Guid? unitId, Guid? personId)
    {
        var roleType = (http.User.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        return new ReadRecord
        {
            Id = Guid.CreateVersion7(),
            At = clock.GetUtcNow(),
            Reader = RequestActor.Of(http),
            Roles = http.User.FindAll(roleType).Select(c => c.Value).Distinct().Order().ToArray(),
            ReaderUnit = http.User.IsInRole(Security.Roles.Liaison) ? http.User.FindFirst(HotlineClaims.Unit)?.Value : null,
            Kind = kind,
            UnitId = unitId,
            PersonId = personId,
            Path = http.Request.Path.Value ?? "",
            Query = http.Request.QueryString.Value ?? "",
            CorrelationId = RequestCorrelation.Of(http),
        };
    }
}
