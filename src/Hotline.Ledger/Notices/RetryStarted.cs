using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hotline.Ledger.Notices;

/// <summary>A failed delivery's new round, accepted (202): the delivery, its notice and the attempt it starts at.</summary>
public sealed record RetryStarted(Guid Id, Guid NoticeId, int Attempt) : IHttpAware
{
    public const string ListUrl = "/api/notices/failed";

    public void Apply(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers.Location = ListUrl;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(RetryStarted), ["application/json"]));
}
