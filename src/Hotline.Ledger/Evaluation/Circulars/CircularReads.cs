using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Evaluation.Circulars;

/// <summary>The issued circulars as one ledger holds them: the city's own routes and the province's read them alike.</summary>
public static class CircularReads
{
    /// <summary>Every circular (of <paramref name="year"/> when given), in the order they were issued.</summary>
    public static async Task<IReadOnlyList<CircularSummary>> List(IQuerySession session, int? year)
    {
        var query = session.Query<Circular>().AsQueryable();
        if (year is { } y) query = query.Where(c => c.Year == y);
        var circulars = await query.OrderBy(c => c.IssuedAt).ToListAsync();
        return circulars.Select(CircularSummary.Of).ToList();
    }

    /// <summary>The circular with its stored sheet, or null.</summary>
    public static async Task<(Circular Circular, StoredSheet Stored)?> Load(IQuerySession session, Guid id)
    {
        var circular = await session.LoadAsync<Circular>(id);
        if (circular is null) return null;
        var stored = await session.LoadAsync<StoredSheet>(id);
        return (circular, stored!);
    }
}
