namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// A kept benchmark schema (<c>--keep-schema</c>) opened where the benchmark's five-year reads stand: the city's today
/// at 09:00, the clock running on in real time, a host on the schema and a client to it. The traces share it so that
/// they measure the same reads from the same point.
/// </summary>
public sealed class KeptCity : IAsyncDisposable
{
    private KeptCity(CityScale scale, CityPlan plan, DateTimeOffset now, CityClock clock, BenchHost host)
    {
        Scale = scale;
        Plan = plan;
        Now = now;
        Clock = clock;
        Host = host;
        Http = host.Client();
        Catalog = host.Service<RulebookCatalog>();
    }

    public CityScale Scale { get; }
    public CityPlan Plan { get; }
    public DateTimeOffset Now { get; }
    public CityClock Clock { get; }
    public BenchHost Host { get; }
    public HttpClient Http { get; }
    public RulebookCatalog Catalog { get; }

    public static async Task<KeptCity> Open(string connectionString, string schema, string scaleName)
    {
        var scale = CityScale.Parse(scaleName);
        var now = OfficeCalendar.EndOf(scale.Today.AddDays(-1)).AddHours(9);
        var clock = new CityClock(now);
        var host = await BenchHost.Start(connectionString, schema, clock);
        clock.Run();
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return new KeptCity(scale, CityPlan.Build(scale, 20191220), now, clock, host);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
