using System.Collections.Concurrent;

namespace Hotline.Ledger.Benchmarks.Province;

/// <summary>
/// The province's "now": each city keeps its own <see cref="CityClock"/>, moved by its own feed, and whatever
/// runs in a city's scope (a request with the city's claim, a message of its tenant, the loader inside
/// <see cref="CityScope.Enter"/>) reads that city's clock. Cities fed side by side never push one another's
/// clocks ahead, so no city's deadlines are judged before its own replies have come in.
/// </summary>
public sealed class ProvinceClock(CityClock defaultCity) : TimeProvider
{
    private readonly ConcurrentDictionary<string, CityClock> _cities = new(StringComparer.Ordinal);

    public void Add(string city, CityClock clock) => _cities[city] = clock;

    public override DateTimeOffset GetUtcNow() =>
        (CityScope.Current is { } city && _cities.TryGetValue(city, out var clock) ? clock : defaultCity).GetUtcNow();
}
