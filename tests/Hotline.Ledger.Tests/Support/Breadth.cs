namespace Hotline.Ledger.Tests.Support;

/// <summary>
/// How much of a large generated set (requests, routes × roles × cities) a run walks. CI's run walks all of it
/// (<c>HOTLINE_TEST_BREADTH=full</c>, which <c>./test.sh --all</c> and CI set); a developer's run walks a random
/// sample that still touches every route, drawn anew each run, so that the developers' runs together cover more.
/// </summary>
public static class Breadth
{
    public static bool Full { get; } = Environment.GetEnvironmentVariable("HOTLINE_TEST_BREADTH") == "full";

    /// <summary>The seed of this run's samples, written into a failing test's message so that the sample can be drawn again.</summary>
    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("HOTLINE_TEST_SEED"), out var seed) ? seed : Random.Shared.Next();

    /// <summary>All of <paramref name="items"/> in a full run; otherwise at most <paramref name="perGroup"/> of each group, at random.</summary>
    public static List<T> Sample<T, TKey>(IEnumerable<T> items, Func<T, TKey> group, int perGroup) where TKey : notnull
    {
        if (Full) return items.ToList();
        var random = new Random(Seed);
        return items.GroupBy(group).SelectMany(g => g.OrderBy(_ => random.Next()).Take(perGroup)).ToList();
    }

    /// <summary>All of <paramref name="items"/> in a full run; otherwise one of them, at random.</summary>
    public static IEnumerable<T> OneOrAll<T>(IReadOnlyList<T> items, Random random) => Full || items.Count <= 1 ? items : [items[random.Next(items.Count)]];

    public static string Describe => Full ? "all of it" : $"a sample (HOTLINE_TEST_SEED={Seed})";
}
