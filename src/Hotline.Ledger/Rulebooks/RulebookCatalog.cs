using System.Collections.Concurrent;
namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// The rulebooks the ledger knows, and which one is in force on a date: the built-in ones and the
/// revisions a leader adopted from drafts (ADR 0092), which join while the service runs. Each city adopts
/// its own revisions (ADR 0110): the lists are kept per city, and the city in scope picks its own.
/// </summary>
public sealed class RulebookCatalog
{
    private readonly IReadOnlyList<Rulebook> _builtIn;
    private readonly Lock _adopting = new();

    private readonly IReadOnlyList<Rulebook> _builtInOrdered;

    // Per city; each list replaced whole, never changed in place: a reader holds one consistent list.
    private readonly ConcurrentDictionary<string, IReadOnlyList<Rulebook>> _byCity = new();

    public RulebookCatalog(IEnumerable<Rulebook> rulebooks)
    {
        _builtIn = rulebooks.ToList();
        _builtInOrdered = Ordered(_builtIn);
    }

    private IReadOnlyList<Rulebook> ByEffectiveDate
    {
        get => _byCity.GetValueOrDefault(CityScope.Key, _builtInOrdered);
        set => _byCity[CityScope.Key] = value;
    }

    private static List<Rulebook> Ordered(IEnumerable<Rulebook> rulebooks)
    {
        var ordered = rulebooks.OrderBy(r => r.EffectiveFrom).ToList();
        var clash = ordered.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new RulebookInvalidException(clash.Key, new("rulebook.catalog.idTwice"));
        var sameDay = ordered.GroupBy(r => r.EffectiveFrom).FirstOrDefault(g => g.Count() > 1);
        if (sameDay is not null) throw new RulebookInvalidException(sameDay.First().Id, new("rulebook.catalog.sameDay", sameDay.Key));
        return ordered;
    }

    public IReadOnlyList<Rulebook> All => ByEffectiveDate;

    public bool IsBuiltIn(string id) => _builtIn.Any(r => r.Id == id);

    /// <summary>The rulebook that already has <paramref name="revision"/>'s id or effective date (named by the field), or null.</summary>
    public (string Field, Rulebook Holder)? Clash(Rulebook revision)
    {
        var books = ByEffectiveDate;
        if (books.FirstOrDefault(r => r.Id == revision.Id) is { } sameId) return ("id", sameId);
        if (books.FirstOrDefault(r => r.EffectiveFrom == revision.EffectiveFrom) is { } sameDay) return ("effectiveFrom", sameDay);
        return null;
    }

    /// <summary>An adopted revision joins the catalog; from its effective date on it scores.</summary>
    public void Adopt(Rulebook revision)
    {
        lock (_adopting)
        {
            // Adopted once: the approval that adopted it already added it.
            if (ByEffectiveDate.Any(r => r.Id == revision.Id)) return;
            ByEffectiveDate = Ordered([.. ByEffectiveDate, revision]);
        }
    }

    /// <summary>The built-in rulebooks and exactly these adopted revisions (as the store holds them at start-up).</summary>
    public void ReplaceAdopted(IEnumerable<Rulebook> revisions)
    {
        lock (_adopting) ByEffectiveDate = Ordered([.. _builtIn, .. revisions]);
    }

    public Rulebook? Get(string id) => ByEffectiveDate.FirstOrDefault(r => r.Id == id);

    /// <summary>The latest rulebook whose effective date is on or before <paramref name="date"/>; null before the first.</summary>
    public Rulebook? InForceOn(DateOnly date) => ByEffectiveDate.LastOrDefault(r => r.EffectiveFrom <= date);

    /// <summary>
    /// The rulebook that scores a year as of a date: the one in force on that date. A revision never
    /// reaches back into a period before its effective date.
    /// </summary>
    public Rulebook? ForScoring(int year, DateOnly asOf)
    {
        var probe = asOf.Year == year ? asOf : OfficeDates.Clamp(asOf, year);
        var books = ByEffectiveDate;
        return books.LastOrDefault(r => r.EffectiveFrom <= probe) ?? books.FirstOrDefault();
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
