using System.Reflection;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>
/// A referral's evidence bundle as the ZIP the inspector downloads; it names the referral's unit and person, so the
/// read audit puts the download on file against them.
/// </summary>
public sealed class BundleDownload(Referral referral, ReferralBundle bundle) : IResult, IReadSubject, IEndpointMetadataProvider
{
    public Guid? UnitId => referral.UnitId;

    public Guid? PersonId => referral.PersonId;

    public Task ExecuteAsync(HttpContext httpContext) =>
        Results.File(BundleZip.Write(bundle), BundleZip.ContentType, BundleZip.FileName(referral)).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, null, [BundleZip.ContentType]));
}
