using System.Security.Claims;

namespace Hotline.Ledger.Security;

/// <summary>
/// Records reads of the evidence trail, of score replays and of other sensitive views. Call it before
/// answering, with the subject the answer is about (unit, person, or both; neither for an across-units
/// list); if the record cannot be written the read fails rather than going unrecorded:
/// <code>await audit.RecordAsync(http, ReadKind.ScoreReplay, unitId: id);</code>
/// Records are documents, not events: a read changes nothing in the ledger, its sequence or its digest.
/// Concurrent reads share one flush (<see cref="ReadLog"/>); each still waits until its own record is committed.
/// </summary>
public sealed class ReadAudit(ReadLog log, TimeProvider clock)
{
    public async Task RecordAsync(HttpContext http, ReadKind kind, Guid? unitId = null, Guid? personId = null, CancellationToken cancellation = default)
    {
        var roleType = (http.User.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        var record = new ReadRecord
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

        await log.WriteAsync(record, cancellation);
    }
}
