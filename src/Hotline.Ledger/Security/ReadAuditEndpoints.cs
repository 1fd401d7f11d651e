namespace Hotline.Ledger.Security;

public static class ReadAuditEndpoints
{
    public const int MaxLimit = 1000;

    public static ProblemDetails Validate(int? limit, string? reader)
    {
        if (limit is < 1 or > MaxLimit) return Problems.InvalidProblem("limit", "readAudit.limit.outOfRange", MaxLimit);
        if (reader is { Length: > 200 }) return Problems.InvalidProblem("reader", "readAudit.reader.tooLong");
        return WolverineContinue.NoProblems;
    }

    /// <summary>Who read whose records, newest first. For auditors and inspectors.</summary>
    [WolverineGet("/api/audit/reads", OperationId = "listReads")]
    public static async Task<IReadOnlyList<ReadRecordView>> List(
        IQuerySession session, string? reader, Guid? unitId, Guid? personId, ReadKind? kind,
        DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellation)
    {
        var query = session.Query<ReadRecord>().AsQueryable();
        if (reader is not null) query = query.Where(r => r.Reader == reader);
        if (unitId is { } u) query = query.Where(r => r.UnitId == u);
        if (personId is { } p) query = query.Where(r => r.PersonId == p);
        if (kind is { } k) query = query.Where(r => r.Kind == k);
        if (from is { } f) query = query.Where(r => r.At >= f);
        if (to is { } t) query = query.Where(r => r.At <= t);

        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(limit ?? 100).ToListAsync(cancellation);
        return rows.Select(ReadRecordView.Of).ToList();
    }
}
