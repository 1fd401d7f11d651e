using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Province;

/// <summary>
/// One city's ledger opened for reading: a query session on that city's store only, and the rulebooks that
/// score that city. Every province read takes one of these per city and never queries two cities at once.
/// </summary>
public sealed class CityLedger(City city, IQuerySession session, RulebookCatalog rulebooks) : IAsyncDisposable
{
    public City City { get; } = city;
    public IQuerySession Session { get; } = session;
    public RulebookCatalog Rulebooks { get; } = rulebooks;

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
