namespace Hotline.Ledger.Benchmarks;

/// <summary>A throughput: events written in a time.</summary>
public sealed record Rate(long Events, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;
    public static Rate Of(Meter m) => new(m.Events, m.Elapsed);
}

public sealed record Check(string What, bool Passed, string Detail);

/// <summary>Everything one run measured and checked.</summary>
public sealed class Figures
{
    public required string Scale { get; init; }
    public required int Seed { get; init; }
    public required string Schema { get; init; }
    public bool SchemaKept { get; init; }
    public string Machine { get; set; } = "";
    public string LoadBefore { get; set; } = "";
    public string LoadAfter { get; set; } = "";
    public string AppendMode { get; set; } = "";
    public TimeSpan Total { get; set; }

    public long LedgerEvents { get; set; }
    public int FirstYears { get; set; } = 1;
    public int AllYears { get; set; }

    public Rate? LedgerMarten { get; set; }
    public Rate? LedgerCopy { get; set; }
    public Rate? LedgerInProcess { get; set; }
    public Rate? LedgerInProcessAllYears { get; set; }

    public long CaseEventsGenerated { get; set; }
    public Rate? CaseMartenHttpWindow { get; set; }
    public Rate? CaseCopyHttpWindow { get; set; }
    public Rate? CaseMartenInProcessWindow { get; set; }
    public Rate? CaseCopyInProcessWindow { get; set; }
    public Rate? CaseHttp { get; set; }
    public Rate? CaseInProcess { get; set; }
    public Rate? CaseInProcessAll { get; set; }
    public int Judgements { get; set; }
    public long AutomaticEntries { get; set; }

    public Latencies? Floor { get; set; }
    public Latencies? SingleEntries { get; set; }
    public Latencies? SingleEntriesMarten { get; set; }
    public Latencies? ScoreFirst { get; set; }
    public Latencies? ScoreAll { get; set; }
    public Latencies? Ranking { get; set; }
    public Latencies? RankingInMemory { get; set; }
    public int RankingYears { get; set; }
    public Latencies? WhatIf { get; set; }

    /// <summary>The web application's pages, each beside the API read it stands on.</summary>
    public List<PageFigure> Pages { get; } = [];
    public int PagesYear { get; set; }

    /// <summary>Events the benchmark itself appends beside the city (the what-if's draft rulebook).</summary>
    public int RulebookEvents { get; set; }

    public Rate? Rebuild { get; set; }
    public Rate? RebuildDaemon { get; set; }
    public Rate? DeepIntegrity { get; set; }
    public string RebuildHow { get; set; } = "";

    public List<Check> Checks { get; } = [];
    public bool AllChecksPassed => Checks.All(c => c.Passed);
}
