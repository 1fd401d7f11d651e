using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Hotline.Ledger.Api.Security;

namespace Hotline.Ledger.Tests.Support;

/// <summary>
/// One node of the ledger as its own operating-system process (<c>dotnet Hotline.Ledger.Api.dll</c>, as
/// run.sh starts it), on a schema shared with other nodes: so that a node can be killed as a machine dies,
/// with no graceful shutdown at all.
/// </summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public string Name { get; }
    public Uri Address { get; }

    /// <summary>The node's id among Wolverine's nodes, as it announced it at start.</summary>
    public Guid? NodeId { get; private set; }

    private NodeProcess(string name, Uri address, Process process)
    {
        Name = name;
        Address = address;
        _process = process;
    }

    /// <summary>The Release or Debug build of the API beside this test build.</summary>
    private static string ApiFolder()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Release/net10.0/
        var folder = Path.Combine(Repository.Root, "src", "Hotline.Ledger.Api", "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(folder, "Hotline.Ledger.Api.dll")))
            throw new InvalidOperationException($"The API is not built at {folder}.");
        return folder;
    }

    public static NodeProcess Start(string name, string schema, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var folder = ApiFolder();
        var start = new ProcessStartInfo("dotnet", ["Hotline.Ledger.Api.dll", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["ConnectionStrings__Hotline"] = LedgerApp.ConnectionString;
        env["Hotline__Schema"] = schema;
        env["Hotline__Auth__DevelopmentKey"] = LedgerApp.DevelopmentKey;
        env["Hotline__Node__Name"] = name;
        env["Logging__Console__FormatterName"] = "simple";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Hotline.Ledger.Api.Hosting.ClusterNode"] = "Information";
        foreach (var (key, value) in settings) env[key.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var node = new NodeProcess(name, new Uri($"http://127.0.0.1:{port}"), process);
        process.OutputDataReceived += (_, e) => node.Heard(e.Data);
        process.ErrorDataReceived += (_, e) => node.Heard(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    private void Heard(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (Announcement().Match(line) is { Success: true } m) NodeId = Guid.Parse(m.Groups[1].Value);
    }

    [GeneratedRegex(@"is Wolverine node ([0-9a-fA-F-]{36})")]
    private static partial Regex Announcement();

    /// <summary>What the node wrote, for a failure's message.</summary>
    public string Output => string.Join('\n', _output.TakeLast(150));

    public bool Exited => _process.HasExited;

    /// <summary>Whether the test killed it (rather than it exiting on its own).</summary>
    public bool Killed { get; private set; }

    /// <summary>Waits until the node answers and has announced its id; fails with its output if it does not.</summary>
    public async Task Ready(TimeSpan within)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var ready = await Eventually.Holds(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"Node {Name} exited ({_process.ExitCode}):\n{Output}");
            try
            {
                return (await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK && NodeId is not null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false; // Not listening yet.
            }
        }, within);
        if (ready) return;

        throw new TimeoutException($"Node {Name} was not ready within {within}:\n{Output}");
    }

    /// <summary>
    /// A client of this node with the tests' token for <paramref name="roles"/> in <paramref name="city"/> (its code;
    /// null: the default city), asking for English answers.
    /// </summary>
    public HttpClient Client(IEnumerable<string>? roles = null, string? city = null)
    {
        var client = LedgerApp.English(new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Issue(
            LedgerApp.DevelopmentKey, LedgerApp.DefaultUser, roles ?? LedgerApp.DefaultRoles, null,
            new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeProvider.System.GetUtcNow().AddDays(1), city));
        return client;
    }

    /// <summary>SIGKILL: the node stops between two instructions, deregisters nothing and releases nothing.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        Killed = true;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
