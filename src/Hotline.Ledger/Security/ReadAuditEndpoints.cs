using Hotline.Ledger.Http;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Security;

public sealed record ReadRecordView(
    Guid Id, DateTimeOffset At, string Reader, IReadOnlyList<string> Roles, string? ReaderUnit, ReadKind Kind,
    Guid? UnitId, Guid? PersonId, string Path, string Query, string CorrelationId)
{
    public static ReadRecordView Of(ReadRecord r) =>
        new(r.Id, r.At, r.Reader, r.Roles, r.ReaderUnit, r.Kind, r.UnitId, r.PersonId, r.Path, r.Query, r.CorrelationId);
}

public static class ReadAuditEndpoints
{
    public const int MaxLimit = 1000;

    /// <summary>Who read whose records, newest first. For auditors and inspectors.</summary>
    [WolverineGet("/api/audit/reads", OperationId = "listReads")]
    public static async Task<IResult> List(
        IQuerySession session, string? reader, Guid? unitId, Guid? personId, ReadKind? kind,
        DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellation)
    {
        var take = limit ?? 100;
        if (take is < 1 or > MaxLimit) return Problems.Invalid("limit", "readAudit.limit.outOfRange", MaxLimit);
        if (reader is { Length: > 200 }) return Problems.Invalid("reader", "readAudit.reader.tooLong");

        var query = session.Query<ReadRecord>().AsQueryable();
        if (reader is not null) query = query.Where(r => r.Reader == reader);
        if (unitId is { } u) query = query.Where(r => r.UnitId == u);
        if (personId is { } p) query = query.Where(r => r.PersonId == p);
        if (kind is { } k) query = query.Where(r => r.Kind == k);
        if (from is { } f) query = query.Where(r => r.At >= f);
        if (to is { } t) query = query.Where(r => r.At <= t);

        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellation);
        return Results.Ok(rows.Select(ReadRecordView.Of).ToList());
    }
}
