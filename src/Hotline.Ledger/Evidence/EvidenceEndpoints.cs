using System.Globalization;
using Hotline.Ledger.Appeals;
using Hotline.Ledger.Http;
using Hotline.Ledger.Ledger.Entries;
using Hotline.Ledger.Ledger.Marks;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Evidence;

public static class EvidenceEndpoints
{
    public const int MaxRows = 50_000;

    /// <summary>
    /// Every entry and mark that touched the subject, rescinded ones included with their rescission,
    /// and every step of the appeals against them, in the order they were recorded. JSON, or CSV with
    /// Accept: text/csv.
    /// </summary>
    [WolverineGet("/api/evidence", OperationId = "evidenceTrail")]
    public static async Task<IResult> Trail(HttpContext http, IQuerySession session, TimeProvider clock, ReadAudit audit,
        Guid? unitId, Guid? personId, string? clause, string? from, string? to, string? knownAt)
    {
        var now = clock.GetUtcNow();
        var known = now;
        if (!string.IsNullOrWhiteSpace(knownAt))
        {
            if (!DateTimeOffset.TryParse(knownAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var k))
                return Problems.Field("knownAt", "'knownAt' must be an ISO-8601 instant such as 2020-07-05T00:00:00Z.");
            known = k < now ? k : now;
        }

        var fromDate = DateOnly.MinValue;
        var toDate = DateOnly.MaxValue;
        if (!string.IsNullOrWhiteSpace(from) && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out fromDate))
            return Problems.Field("from", "'from' must be a date YYYY-MM-DD.");
        if (!string.IsNullOrWhiteSpace(to) && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out toDate))
            return Problems.Field("to", "'to' must be a date YYYY-MM-DD.");
        if (string.IsNullOrWhiteSpace(to)) toDate = DateOnly.MaxValue;
        if (fromDate > toDate) return Problems.Field("to", "'to' lies before 'from'.");

        var entries = session.Query<Entry>().Where(e => e.RecordedAt <= known && e.OccurredOn >= fromDate && e.OccurredOn <= toDate);
        if (unitId is { } u) entries = entries.Where(e => e.UnitId == u);
        if (personId is { } p) entries = entries.Where(e => e.PersonId == p);
        if (!string.IsNullOrWhiteSpace(clause)) entries = entries.Where(e => e.Clause == clause);

        var marks = session.Query<Mark>().Where(m => m.RecordedAt <= known && m.MarkedOn >= fromDate && m.MarkedOn <= toDate);
        if (unitId is { } mu && personId is null) marks = marks.Where(m => m.SubjectId == mu);
        if (personId is { } mp) marks = marks.Where(m => m.SubjectId == mp);
        if (!string.IsNullOrWhiteSpace(clause)) marks = marks.Where(m => m.Clause == clause);

        var appeals = session.Query<Appeal>().Where(a => a.FiledAt <= known && a.ContestedOn >= fromDate && a.ContestedOn <= toDate);
        if (unitId is { } au) appeals = appeals.Where(a => a.UnitId == au);
        if (personId is { } ap) appeals = appeals.Where(a => a.PersonId == ap);
        if (!string.IsNullOrWhiteSpace(clause)) appeals = appeals.Where(a => a.Clause == clause);

        var rows = (await entries.Take(MaxRows).ToListAsync()).Select(e => EvidenceRow.Of(e, known))
            .Concat((await marks.Take(MaxRows).ToListAsync()).Select(EvidenceRow.Of))
            .Concat((await appeals.Take(MaxRows).ToListAsync()).SelectMany(a => EvidenceRow.Of(a, known)))
            .OrderBy(r => r.RecordedAt).ThenBy(r => r.Id)
            .ToList();
        // A liaison sees only their unit's rows (docs/security.md); who read whose trail is recorded.
        rows = await LiaisonScope.Filter(http, session, rows, r => r.UnitId, r => r.PersonId);
        await audit.RecordAsync(http, ReadKind.EvidenceTrail, unitId, personId, http.RequestAborted);

        var wantsCsv = http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        return wantsCsv
            ? Results.File(EvidenceCsv.Write(rows), "text/csv; charset=utf-8", "evidence.csv")
            : Results.Ok(rows);
    }
}
