using Hotline.Ledger.Entries;

namespace Hotline.Ledger.SpotChecks;

/// <summary>A spot check may link only entries about the unit it checked.</summary>
public static class SpotCheckEntries
{
    public static async Task<Rejection?> RefuseForeign(IQuerySession session, Guid unitId, IReadOnlyCollection<Guid> entryIds, string field)
    {
        if (entryIds.Count == 0) return null;
        var found = await session.LoadManyAsync<Entry>(entryIds);
        var missing = entryIds.Except(found.Select(e => e.Id)).FirstOrDefault();
        if (missing != Guid.Empty) return Rejection.Invalid(field, "spotCheck.entry.unknown", missing);
        var foreign = found.FirstOrDefault(e => e.UnitId != unitId);
        return foreign is null ? null : Rejection.Invalid(field, "spotCheck.entry.otherUnit", foreign.Id);
    }
}
