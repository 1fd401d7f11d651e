namespace Hotline.Ledger.Rulebooks;

/// <summary>The rulebooks the ledger knows, and which one is in force on a date.</summary>
public sealed class RulebookCatalog
{
    private readonly List<Rulebook> _byEffectiveDate;

    public RulebookCatalog(IEnumerable<Rulebook> rulebooks)
    {
        _byEffectiveDate = rulebooks.OrderBy(r => r.EffectiveFrom).ToList();
        var clash = _byEffectiveDate.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new RulebookInvalidException(clash.Key, "two rulebooks share this id");
        var sameDay = _byEffectiveDate.GroupBy(r => r.EffectiveFrom).FirstOrDefault(g => g.Count() > 1);
        if (sameDay is not null) throw new RulebookInvalidException(sameDay.First().Id, $"two rulebooks take effect on {sameDay.Key:yyyy-MM-dd}");
    }

    public IReadOnlyList<Rulebook> All => _byEffectiveDate;

    public Rulebook? Get(string id) => _byEffectiveDate.FirstOrDefault(r => r.Id == id);

    /// <summary>The latest rulebook whose effective date is on or before <paramref name="date"/>; null before the first.</summary>
    public Rulebook? InForceOn(DateOnly date) => _byEffectiveDate.LastOrDefault(r => r.EffectiveFrom <= date);

    /// <summary>
    /// The rulebook that scores a year as of a date: the one in force on that date. A revision never
    /// reaches back into a period before its effective date.
    /// </summary>
    public Rulebook? ForScoring(int year, DateOnly asOf)
    {
        var probe = asOf.Year == year ? asOf : OfficeDates.Clamp(asOf, year);
        return InForceOn(probe) ?? _byEffectiveDate.FirstOrDefault();
    }
}

internal static class OfficeDates
{
    public static DateOnly Clamp(DateOnly date, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return date < first ? first : date > last ? last : date;
    }
}
