using Hotline.Ledger.Registry;

namespace Hotline.Ledger.Entries;

/// <summary>Whether a liaison may see an entry: when it was recorded against their unit (<see cref="LiaisonScope"/>).</summary>
public static class EntryScope
{
    /// <summary>Null when the caller may see the entry; otherwise why not, for a 403.</summary>
    public static async Task<Refusal?> RefuseEntry(HttpContext http, IQuerySession session, Guid entryId)
    {
        var scope = await LiaisonScope.Of(http, session);
        return await SeesEntry(scope, session, entryId, http.RequestAborted) ? null : LiaisonScope.Reason(scope);
    }

    public static async Task<bool> SeesEntry(UnitScope scope, IQuerySession session, Guid entryId, CancellationToken cancellation = default) =>
        !scope.Confined || (await session.LoadAsync<Entry>(entryId, cancellation) is { } entry && scope.Sees(entry.UnitId));
}
