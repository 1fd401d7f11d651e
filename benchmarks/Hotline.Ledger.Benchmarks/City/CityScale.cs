namespace Hotline.Ledger.Benchmarks.City;

/// <summary>
/// How big the synthetic city is. Rates of ledger facts are per subject and year, so a larger city
/// has proportionally more of them; the case feed is given in cases a year.
/// </summary>
public sealed record CityScale(string Name, int Units, int People, int Years, int CasesPerYear, int FirstYear = 2020)
{
    /// <summary>Seconds: the CI smoke test.</summary>
    public static readonly CityScale Small = new("small", Units: 8, People: 80, Years: 2, CasesPerYear: 2_000);

    /// <summary>A few minutes: for development of the read models.</summary>
    public static readonly CityScale Medium = new("medium", Units: 60, People: 1_200, Years: 5, CasesPerYear: 50_000);

    /// <summary>Xinyang: 300 units, 6,000 people, 5 years, 500,000 cases a year — about 12 million events.</summary>
    public static readonly CityScale City = new("city", Units: 300, People: 6_000, Years: 5, CasesPerYear: 500_000);

    public static CityScale Parse(string name) => name.ToLowerInvariant() switch
    {
        "small" => Small,
        "medium" => Medium,
        "city" => City,
        _ => throw new ArgumentException($"Unknown scale '{name}': small, medium or city."),
    };

    public int LastYear => FirstYear + Years - 1;

    /// <summary>Registrations are recorded on the last day before the first year.</summary>
    public DateOnly Founding => new(FirstYear - 1, 12, 31);

    /// <summary>"Now" for the city: the history ends, the year-end marks of the last year are in.</summary>
    public DateOnly Today => new(LastYear + 1, 1, 20);
}
