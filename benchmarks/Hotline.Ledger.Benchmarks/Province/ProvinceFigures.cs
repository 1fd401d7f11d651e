namespace Hotline.Ledger.Benchmarks.Province;

/// <summary>How much of each city's feed a window sends, and how much warms both nodes up before the first.</summary>
public sealed record ProvinceBudget(int Window, int WarmUp)
{
    public static ProvinceBudget For(CityScale scale) => scale.Name switch
    {
        "small" => new(Window: 1_000, WarmUp: 250),
        "medium" => new(Window: 40_000, WarmUp: 10_000),
        _ => new(Window: 100_000, WarmUp: 25_000),
    };

    /// <summary>The CI smoke test: two cities of <c>small</c>, a few batches each.</summary>
    public static readonly ProvinceBudget Smoke = new(Window: 300, WarmUp: 0);
}

/// <summary>One node's part of a window: the batches it took, their rows and the time they took it.</summary>
public sealed class NodeShare(string node)
{
    public string Node { get; } = node;
    public long Events { get; set; }
    public List<double> BatchMillis { get; } = [];
}

/// <summary>A stretch of every city's feed, sent side by side (one sender per city) to one node or to both.</summary>
public sealed class FeedWindow(int number, string feeding, IReadOnlyList<string> nodes)
{
    public int Number { get; } = number;
    public string Feeding { get; } = feeding;
    public IReadOnlyList<NodeShare> Nodes { get; } = nodes.Select(n => new NodeShare(n)).ToList();
    public long Events => Nodes.Sum(n => n.Events);
    public TimeSpan Wall { get; set; }
    public Rate Total => new(Events, Wall);

    /// <summary>The ledger facts the window's span of the timeline held, loaded in process beside the feed (node A's store).</summary>
    public long LedgerEvents { get; set; }
    public TimeSpan LedgerTime { get; set; }

    /// <summary>Marten's quick append of the very same case events, one writer per city side by side, each in a scratch schema of its city's database.</summary>
    public Rate? Marten { get; set; }

    public WindowCost? Cost { get; set; }

    /// <summary>The window's case events per city (for the baseline).</summary>
    public Dictionary<string, List<CaseOp>> Ops { get; } = [];

    private readonly Lock _gate = new();

    public void Took(string node, int rows, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var share = Nodes.First(n => n.Node == node);
            share.Events += rows;
            share.BatchMillis.Add(elapsed.TotalMilliseconds);
        }
    }

    public Latencies Batches(NodeShare share) => Latencies.Of(share.BatchMillis, 0, Wall);
}

/// <summary>Everything a province run measured and checked.</summary>
public sealed class ProvinceFigures
{
    public required CityScale CityScale { get; init; }
    public required int Seed { get; init; }
    public required string Schema { get; init; }
    public required ProvinceBudget Budget { get; init; }
    public bool SchemaKept { get; init; }
    public string Machine { get; set; } = "";
    public string LoadBefore { get; set; } = "";
    public string LoadAfter { get; set; } = "";
    public TimeSpan Total { get; set; }
    public List<(string Code, string Name, int Seed)> Cities { get; } = [];
    public long LedgerEvents { get; set; }
    public long CaseEvents { get; set; }
    public List<FeedWindow> Windows { get; } = [];
    public List<Check> Checks { get; } = [];

    /// <summary>Per city, the messages Wolverine moved to its error queue during the run, and the first one's type and failure.</summary>
    public List<(string City, long Count, string? First)> DeadLetters { get; } = [];

    public bool AllChecksPassed => Checks.All(c => c.Passed);
}
