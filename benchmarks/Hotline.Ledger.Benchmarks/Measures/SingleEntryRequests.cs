namespace Hotline.Ledger.Benchmarks.Measures;

/// <summary>The single entries the benchmark posts: clauses of every kind, dated in the half year before the city's "now".</summary>
public static class SingleEntryRequests
{
    private static readonly string[] Clauses = ["B1", "B2.1", "B2.2", "B2.3", "D1", "D2", "D3.1", "D3.2", "D3.3"];

    /// <summary>The <paramref name="i"/>-th request body: the same for the same seed, whichever run posts it.</summary>
    public static object Body(CityPlan plan, int seed, DateOnly today, int i)
    {
        var rng = new Random(seed * 7_919 + i);
        var clause = Clauses[rng.Next(Clauses.Length)];
        var occurredOn = today.AddDays(-1 - rng.Next(180));
        var person = plan.People[rng.Next(plan.People.Count)];
        var unitOnly = clause.StartsWith("D3", StringComparison.Ordinal) || rng.Next(10) < 3;
        decimal? points = clause is "D1" or "D2" ? 5 + rng.Next(11) / 2m : null;
        return new
        {
            clause, unitId = plan.Units[person.UnitOn(occurredOn)].Id, personId = unitOnly ? (Guid?)null : person.Id,
            occurredOn = occurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), points, reason = "基准测试：单条录入",
        };
    }
}
