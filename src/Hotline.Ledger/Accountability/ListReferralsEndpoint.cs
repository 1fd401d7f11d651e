using Hotline.Ledger.Commendations.Review;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Accountability;

public static class ListReferralsEndpoint
{
    /// <summary>Who looked at whom the office referred is put on file, with the subject asked for (none for the whole list).</summary>
    [WolverineGet("/api/referrals", OperationId = "listReferrals")]
    [AuditedRead(ReadKind.Referral, ReadSubject.Query)]
    public static async Task<IReadOnlyList<Referral>> Get(IQuerySession session, YearFilter year, Guid? unitId, Guid? personId)
    {
        var query = session.Query<Referral>().AsQueryable();
        if (year.Year is { } y) query = query.Where(r => r.Year == y);
        if (unitId is { } u) query = query.Where(r => r.UnitId == u);
        if (personId is { } p) query = query.Where(r => r.PersonId == p);
        var rows = await query.ToListAsync();
        return rows.OrderBy(r => r.Year).ThenBy(r => r.Kind == Candidates.UnitKind ? 0 : 1).ThenBy(r => r.Rank).ToList();
    }
}
