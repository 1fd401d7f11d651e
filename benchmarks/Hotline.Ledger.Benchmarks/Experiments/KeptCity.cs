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

    /// <summary>The last year the schema holds: the first alone when it was kept after a first-year run.</summary>
    public int LastYear { get; private init; }

    /// <summary>Opens the schema at the city's today, or — a first-year schema (<c>--first-year --keep-schema</c>) — at 20 January after its first year, 09:00.</summary>
    public static async Task<KeptCity> Open(string connectionString, string schema, string scaleName, bool firstYear = false)
    {
        var scale = CityScale.Parse(scaleName);
        var today = firstYear ? new DateOnly(scale.FirstYear + 1, 1, 20) : scale.Today;
        var now = OfficeCalendar.EndOf(today.AddDays(-1)).AddHours(9);
        var clock = new CityClock(now);
        var host = await BenchHost.Start(connectionString, schema, clock);
        clock.Run();
        // The weekly counter checkpoints a nightly job would have taken by now, as the benchmark takes them before its probes.
        var lastYear = firstYear ? scale.FirstYear : scale.LastYear;
        var taken = 0;
        for (var year = scale.FirstYear; year <= lastYear; year++)
        foreach (var kind in new[] { SubjectKind.Unit, SubjectKind.Person })
            taken += await CounterCheckpoints.CatchUp(host.Store, kind, year);
        Console.WriteLine($"counter checkpoints: {taken} taken");
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return new KeptCity(scale, CityPlan.Build(scale, 20191220), now, clock, host) { LastYear = lastYear };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
