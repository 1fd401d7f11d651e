using Hotline.Ledger.Accountability.Bundle;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Accountability;

public static class ReferralEndpoints
{
    [WolverineGet("/api/referrals/{id}", OperationId = "getReferral")]
    public static async Task<Referral> Get(
        [Entity(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Referral)] Referral referral, HttpContext http, ReadAudit audit)
    {
        await audit.RecordAsync(http, ReadKind.Referral, referral.UnitId, referral.PersonId, http.RequestAborted);
        return referral;
    }

    /// <summary>
    /// The referral's evidence bundle for the inspector, as ONE ZIP file: referral.json (everything, for
    /// machines), referral.html (to print), entries.csv, evidence.csv, and SHA256SUMS of those files. A download,
    /// so <see cref="IResult"/>.
    /// </summary>
    [WolverineGet("/api/referrals/{id}/bundle", OperationId = "getReferralBundle")]
    public static async Task<IResult> Bundle(
        [Entity(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Referral)] Referral referral,
        IQuerySession session, TimeProvider clock, HttpContext http, ReadAudit audit)
    {
        // The inspector's pull of the evidence is recorded like any read of the evidence trail.
        await audit.RecordAsync(http, ReadKind.Export, referral.UnitId, referral.PersonId, http.RequestAborted);
        var bundle = await ReferralBundle.Gather(session, referral, clock.GetUtcNow(), RequestActor.Of(http));
        return Results.File(BundleZip.Write(bundle), BundleZip.ContentType, BundleZip.FileName(referral));
    }
}
