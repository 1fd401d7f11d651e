using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hotline.Ledger.Notices;

/// <summary>A new subscription as answered: 201, its address in Location, and the view (with a made secret, shown this once).</summary>
public sealed record CreatedSubscription : SubscriptionView, IHttpAware
{
    public CreatedSubscription(SubscriptionView view) : base(view)
    {
    }

    public void Apply(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = $"/api/notice-subscriptions/{Id}";
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(SubscriptionView), ["application/json"]));
}
