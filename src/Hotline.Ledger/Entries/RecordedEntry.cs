using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hotline.Ledger.Entries;

/// <summary>
/// The answer to a single entry: the group commit's stored answer (ADR 0120), written byte for byte as it was stored so
/// that a repeated key gets the same bytes, or its refusal. Typed so that the route declares its 201 and the entry.
/// </summary>
public sealed class RecordedEntry(IResult stored) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext) => stored.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(EntryView), ["application/json"]));
}
