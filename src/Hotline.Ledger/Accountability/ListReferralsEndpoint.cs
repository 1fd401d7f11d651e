using Hotline.Ledger.Commendations.Review;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Accountability;

public static class ListReferralsEndpoint
{
    public static ProblemDetails Validate(string? year) =>
        QueryYear.Check(year);

    [WolverineGet("/api/referrals", OperationId = "listReferrals")]
    public static async Task<IReadOnlyList<Referral>> Get(IQuerySession session, HttpContext http, ReadAudit audit, string? year, Guid? unitId, Guid? personId)
    {
        var query = session.Query<Referral>().AsQueryable();
        if (QueryYear.Parse(year) is { } y) query = query.Where(r => r.Year == y);
        if (unitId is { } u) query = query.Where(r => r.UnitId == u);
        if (personId is { } p) query = query.Where(r => r.PersonId == p);
        var rows = await query.ToListAsync();
        // Who looked at whom the office referred is recorded, with the subject asked for (none for the whole list).
        await audit.RecordAsync(http, ReadKind.Referral, unitId, personId, http.RequestAborted);
        return rows.OrderBy(r => r.Year).ThenBy(r => r.Kind == Candidates.UnitKind ? 0 : 1).ThenBy(r => r.Rank).ToList();
    }
}
