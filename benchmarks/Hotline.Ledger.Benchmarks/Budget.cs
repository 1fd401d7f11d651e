namespace Hotline.Ledger.Benchmarks;

/// <summary>How long each measured loop may run: every loop stops at its count or its time, whichever comes first.</summary>
public sealed record Budget(
    Bound Floor,
    Bound Scores,
    Bound Rankings,
    Bound SingleEntries,
    int CaseWindow,
    int RankingChecks,
    int Clients = 32)
{
    public static Budget For(CityScale scale) => scale.Name switch
    {
        "small" => new(new(300, S(10)), new(500, S(20)), new(60, S(20)), new(1_000, S(20)), CaseWindow: 4_000, RankingChecks: 3),
        "medium" => new(new(1_000, S(10)), new(1_500, S(30)), new(150, S(45)), new(6_000, S(30)), CaseWindow: 200_000, RankingChecks: 3),
        _ => new(new(2_000, S(15)), new(3_000, S(60)), new(300, S(90)), new(20_000, S(60)), CaseWindow: 500_000, RankingChecks: 3),
    };

    /// <summary>The CI smoke test: a handful of each, for correctness only.</summary>
    public static readonly Budget Smoke = new(new(20, S(5)), new(40, S(10)), new(6, S(10)), new(64, S(10)), CaseWindow: 2_000, RankingChecks: 2);

    /// <summary>Each page and each API read beside it: a fifth of the score probes, half their time.</summary>
    public Bound Pages => new(Math.Max(10, Scores.Count / 5), Scores.Time / 2);

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);
}
