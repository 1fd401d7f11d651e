using System.Globalization;
using Hotline.Ledger.Exports;
using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Ledger.Entries;

/// <summary>
/// The office's search of the ledger (ADR 0068): entries by unit, person, clause, status, the two clocks, how they
/// were recorded and case, in the order they were recorded, a page at a time. A liaison is listed their own
/// unit's entries only, filtered in the query so that the pages stay whole. <c>?format=csv|xlsx</c> downloads every
/// entry the filters find, not a page (ADR 0082).
/// </summary>
public static class EntryList
{
    [WolverineGet("/api/entries", OperationId = "listEntries")]
    public static async Task<IResult> List(HttpContext http, IQuerySession session, TimeProvider clock, ReadAudit audit,
        Guid? unitId, Guid? personId, string? clause, string? status, string? from, string? to, string? recordedFrom, string? recordedTo,
        string? knownAt, string? automatic, string? caseNumber, string? limit, string? after, string? format, RulebookCatalog rulebooks)
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return unknown;
        if (export is not null) (limit, after) = (null, null);
        var (paging, refusal) = Paging.Parse(limit, after, 2);
        if (refusal is not null) return refusal;
        var cursor = paging!.After is { } a ? Position(a) : null;
        if (paging.After is not null && cursor is null) return Paging.BadCursor;

        var now = clock.GetUtcNow();
        if (Instant(knownAt, "knownAt", out var known) is { } k) return k;
        var seen = known is { } kn && kn < now ? kn : now;
        if (Date(from, "from", out var fromDate) is { } f) return f;
        if (Date(to, "to", out var toDate) is { } t) return t;
        if (fromDate > toDate) return Problems.Invalid("to", "query.range", "to", "from");
        if (Instant(recordedFrom, "recordedFrom", out var recordedAfter) is { } rf) return rf;
        if (Instant(recordedTo, "recordedTo", out var recordedBefore) is { } rt) return rt;
        if (recordedAfter > recordedBefore) return Problems.Invalid("recordedTo", "query.range", "recordedTo", "recordedFrom");
        if (!string.IsNullOrWhiteSpace(status) && status is not ("active" or "rescinded"))
            return Problems.Invalid("status", "entries.status.unknown");
        bool? isAutomatic = null;
        if (!string.IsNullOrWhiteSpace(automatic))
        {
            if (!bool.TryParse(automatic, out var parsed)) return Problems.Invalid("automatic", "entries.automatic.format");
            isAutomatic = parsed;
        }

        // An unknown subject is a 404, not an empty list that looks like a clean record.
        if (unitId is { } u && await session.LoadAsync<Unit>(u, http.RequestAborted) is null) return Problems.NotFound("unit", u);
        if (personId is { } p && await session.LoadAsync<Person>(p, http.RequestAborted) is null) return Problems.NotFound("person", p);

        var query = session.Query<Entry>().Where(e => e.RecordedAt <= seen);
        if (unitId is { } unit) query = query.Where(e => e.UnitId == unit);
        if (personId is { } person) query = query.Where(e => e.PersonId == person);
        if (!string.IsNullOrWhiteSpace(clause)) query = query.Where(e => e.Clause == clause.Trim());
        // The status as the ledger stood at knownAt: a rescission recorded later has not happened yet.
        if (status == "active") query = query.Where(e => e.RescindedAt == null || e.RescindedAt > seen);
        if (status == "rescinded") query = query.Where(e => e.RescindedAt != null && e.RescindedAt <= seen);
        if (fromDate is { } fd) query = query.Where(e => e.OccurredOn >= fd);
        if (toDate is { } td) query = query.Where(e => e.OccurredOn <= td);
        if (recordedAfter is { } ra) query = query.Where(e => e.RecordedAt >= ra);
        if (recordedBefore is { } rb) query = query.Where(e => e.RecordedAt <= rb);
        if (isAutomatic is { } auto) query = query.Where(e => e.Automatic == auto);
        if (!string.IsNullOrWhiteSpace(caseNumber)) query = query.Where(e => e.CaseNumber == caseNumber.Trim());

        var scope = await LiaisonScope.Of(http, session);
        if (scope.Confined)
        {
            var own = scope.UnitId ?? Guid.Empty;
            query = query.Where(e => e.UnitId == own);
        }

        if (cursor is { } c) query = query.Where(e => e.MatchesSql("(d.recorded_at, d.id) > (?, ?)", c.RecordedAt, c.Id));
        if (export is { } chosen)
        {
            var all = await query.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).Take(TableExport.MaxRows + 1).ToListAsync(http.RequestAborted);
            await audit.RecordAsync(http, ReadKind.Entry, unitId, personId, http.RequestAborted);
            return TableExport.File(http.Request, chosen, "entries", "加减分记录", EntryRow.Columns, await Named(session, rulebooks, all, seen, http.RequestAborted));
        }

        var rows = await query.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).Take(paging.Limit + 1).ToListAsync(http.RequestAborted);

        // Entries carry reasons and evidence: who searched them, for whom, is recorded like a read of one.
        await audit.RecordAsync(http, ReadKind.Entry, unitId, personId, http.RequestAborted);
        return Results.Ok(paging.Take(rows, e => EntryView.AsKnownAt(e, seen),
            e => Paging.Cursor(e.RecordedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), e.Id.ToString("N"))));
    }

    /// <summary>The entries with their units' and people's names, read in two queries, and their clauses' wording.</summary>
    private static async Task<List<EntryRow>> Named(IQuerySession session, RulebookCatalog rulebooks, IReadOnlyList<Entry> entries, DateTimeOffset seen, CancellationToken cancel)
    {
        var unitIds = entries.Select(e => e.UnitId).Distinct().ToArray();
        var personIds = entries.Select(e => e.PersonId).OfType<Guid>().Distinct().ToArray();
        var units = unitIds.Length == 0 ? [] : (await session.LoadManyAsync<Unit>(cancel, unitIds)).ToDictionary(u => u.Id);
        var people = personIds.Length == 0 ? [] : (await session.LoadManyAsync<Person>(cancel, personIds)).ToDictionary(p => p.Id, p => p.Name);
        return entries.Select(e => new EntryRow(EntryView.AsKnownAt(e, seen), units.GetValueOrDefault(e.UnitId)?.Code, units.GetValueOrDefault(e.UnitId)?.Name,
            e.PersonId is { } p ? people.GetValueOrDefault(p) : null,
            rulebooks.Get(e.Rulebook)?.Clauses.FirstOrDefault(c => c.Code == e.Clause)?.Title)).ToList();
    }

    private static (DateTimeOffset RecordedAt, Guid Id)? Position(IReadOnlyList<string> cursor) =>
        long.TryParse(cursor[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
        && Guid.TryParseExact(cursor[1], "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;

    private static IResult? Date(string? text, string field, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return Problems.Invalid(field, "query.date", field);
        date = parsed;
        return null;
    }

    private static IResult? Instant(string? text, string field, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return Problems.Invalid(field, "query.instant", field);
        instant = parsed.ToUniversalTime();
        return null;
    }
}
