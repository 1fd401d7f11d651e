using Hotline.Ledger.Http;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Http.Features;

namespace Hotline.Ledger.Api.Security;

/// <summary>
/// Turns away an empty id in the path (404), and caps the request body at the route's limit (AccessMatrix: 256 KiB unless the row says more): a
/// declared length over it is a 413 before anything is read, and a body that streams past it fails
/// as it is read, whichever server hosts the API.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limit = Limit(http);
        if (http.Request.ContentLength > limit)
        {
            await Problems.Status(StatusCodes.Status413PayloadTooLarge, "request.tooLarge", limit, http.Request.ContentLength).ExecuteAsync(http);
            return;
        }

        // No record has the empty id; some stores refuse it with an exception rather than "not found".
        if (http.Request.RouteValues.Values.Any(v => v is string s && Guid.TryParse(s, out var id) && id == Guid.Empty))
        {
            await Problems.Status(StatusCodes.Status404NotFound, "route.notFound.emptyId").ExecuteAsync(http);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel) kestrel.MaxRequestBodySize = limit;
        http.Request.Body = new LimitedReadStream(http.Request.Body, limit);
        await next(http);
    }

    private static long Limit(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint endpoint && AccessMatrix.Find(http.Request.Method, endpoint.RoutePattern.RawText ?? "") is { } rule
            ? rule.MaxBodyBytes
            : AccessMatrix.DefaultMaxBodyBytes;

    /// <summary>The largest limit of any route: Kestrel's own ceiling.</summary>
    public static long Ceiling => AccessMatrix.Rows.Max(r => r.MaxBodyBytes);
}

/// <summary>Fails a read that would take the body past the limit, with the 413 Kestrel itself would give.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
            throw new BadHttpRequestException($"The request body is larger than the {limit} bytes this route takes.", StatusCodes.Status413PayloadTooLarge);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            inner.Position = value;
            _read = value;
        }
    }

    public override void Flush() => inner.Flush();
    public override long Seek(long offset, SeekOrigin origin) => _read = inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
