using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>One POST a receiver got: its path, headers and raw body, and the status it answered.</summary>
public sealed record HookRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status);

/// <summary>
/// A real HTTP receiver in the test process (Kestrel on a loopback port): it records every POST, answers
/// 500 for as many requests to a path as it is told to fail, and 302 on <c>/redirect/…</c>.
/// </summary>
public sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    public ConcurrentQueue<HookRequest> Requests { get; } = new();
    public int Port { get; }

    public HookReceiver()
    {
        Port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var path = http.Request.Path.Value ?? "";
            var status = path.StartsWith("/redirect/") ? 302 : TakeFailure(path) ? 500 : 200;
            Requests.Enqueue(new HookRequest(path, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray(), status));
            if (status == 302) http.Response.Headers.Location = $"http://127.0.0.1:{Port}/landed";
            http.Response.StatusCode = status;
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    private bool TakeFailure(string path)
    {
        lock (_failuresLeft)
        {
            if (!_failuresLeft.TryGetValue(path, out var left) || left == 0) return false;
            _failuresLeft[path] = left < 0 ? left : left - 1; // negative: fail for ever
            return true;
        }
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    /// <summary>The next <paramref name="times"/> POSTs to <paramref name="path"/> answer 500 (-1: every one, until <see cref="Heal"/>).</summary>
    public void FailNext(string path, int times)
    {
        lock (_failuresLeft) _failuresLeft["/" + path.TrimStart('/')] = times;
    }

    public void Heal(string path)
    {
        lock (_failuresLeft) _failuresLeft["/" + path.TrimStart('/')] = 0;
    }

    public IReadOnlyList<HookRequest> To(string path) => Requests.Where(r => r.Path == "/" + path.TrimStart('/')).ToList();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
