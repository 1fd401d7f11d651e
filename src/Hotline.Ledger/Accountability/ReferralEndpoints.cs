using Hotline.Ledger.Accountability.Bundle;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Accountability;

public static class ReferralEndpoints
{
    /// <summary>The referral; who read it is put on file against its unit and person.</summary>
    [WolverineGet("/api/referrals/{id}", OperationId = "getReferral")]
    [AuditedRead(ReadKind.Referral, ReadSubject.Answer)]
    public static Referral Get(
        [Entity(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Referral)] Referral referral) => referral;

    /// <summary>
    /// The referral's evidence bundle for the inspector, as ONE ZIP file: referral.json (everything, for
    /// machines), referral.html (to print), entries.csv, evidence.csv, and SHA256SUMS of those files. The inspector's
    /// pull of the evidence is put on file like any export of the evidence trail.
    /// </summary>
    [WolverineGet("/api/referrals/{id}/bundle", OperationId = "getReferralBundle")]
    [AuditedRead(ReadKind.Export, ReadSubject.Answer)]
    public static async Task<BundleDownload> Bundle(
        [Entity(OnMissing = OnMissing.ProblemDetailsWith404, MissingMessage = Missing.Referral)] Referral referral,
        IQuerySession session, TimeProvider clock, HttpContext http) =>
        new(referral, await ReferralBundle.Gather(session, referral, clock.GetUtcNow(), RequestActor.Of(http)));
}
