using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Marten.Linq.MatchesSql;

namespace Hotline.Ledger.Entries;

/// <summary>
/// The office's search of the ledger (ADR 0068): entries by unit, person, clause, status, the two clocks, how they
/// were recorded and case, in the order they were recorded, a page at a time. A liaison is listed their own
/// unit's entries only, filtered in the query so that the pages stay whole. <c>?format=csv|xlsx</c> downloads every
/// entry the filters find, not a page (ADR 0082).
/// </summary>
public static class EntryList
{
    [WolverineGet("/api/entries", OperationId = "listEntries")]
    [AuditedRead(ReadKind.Entry, ReadSubject.Query)]
    public static async Task<JsonOrFile<Page<EntryView>>> List(HttpContext http, IQuerySession session, EntryFilter filter,
        Guid? unitId, Guid? personId, string? limit, string? after, string? format, RulebookCatalog rulebooks)
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<Page<EntryView>>.Refused(unknown);
        if (export is not null) (limit, after) = (null, null);
        var (paging, refusal) = Paging.Parse(limit, after, 2);
        if (refusal is not null) return JsonOrFile<Page<EntryView>>.Refused(refusal);
        var cursor = paging!.After is { } a ? Position(a) : null;
        if (paging.After is not null && cursor is null) return JsonOrFile<Page<EntryView>>.Refused(Paging.BadCursor);

        // An unknown subject is a 404, not an empty list that looks like a clean record.
        if (unitId is { } u && await session.LoadAsync<Unit>(u, http.RequestAborted) is null) return JsonOrFile<Page<EntryView>>.Refused(Problems.NotFoundProblem("unit", u));
        if (personId is { } p && await session.LoadAsync<Person>(p, http.RequestAborted) is null) return JsonOrFile<Page<EntryView>>.Refused(Problems.NotFoundProblem("person", p));

        var seen = filter.Seen;
        var query = session.Query<Entry>().Where(e => e.RecordedAt <= seen);
        if (unitId is { } unit) query = query.Where(e => e.UnitId == unit);
        if (personId is { } person) query = query.Where(e => e.PersonId == person);
        if (filter.Clause is { } clause) query = query.Where(e => e.Clause == clause);
        // The status as the ledger stood at knownAt: a rescission recorded later has not happened yet.
        if (filter.Status == EntryStatus.Active) query = query.Where(e => e.RescindedAt == null || e.RescindedAt > seen);
        if (filter.Status == EntryStatus.Rescinded) query = query.Where(e => e.RescindedAt != null && e.RescindedAt <= seen);
        if (filter.From is { } fd) query = query.Where(e => e.OccurredOn >= fd);
        if (filter.To is { } td) query = query.Where(e => e.OccurredOn <= td);
        if (filter.RecordedFrom is { } ra) query = query.Where(e => e.RecordedAt >= ra);
        if (filter.RecordedTo is { } rb) query = query.Where(e => e.RecordedAt <= rb);
        if (filter.Automatic is { } auto) query = query.Where(e => e.Automatic == auto);
        if (filter.CaseNumber is { } caseNumber) query = query.Where(e => e.CaseNumber == caseNumber);

        var scope = await LiaisonScope.Of(http, session);
        if (scope.Confined)
        {
            var own = scope.UnitId ?? Guid.Empty;
            query = query.Where(e => e.UnitId == own);
        }

        // Entries carry reasons and evidence: who searched them, for whom, is recorded like a read of one (the attribute).
        if (cursor is { } c) query = query.Where(e => e.MatchesSql("(d.recorded_at, d.id) > (?, ?)", c.RecordedAt, c.Id));
        if (export is { } chosen)
        {
            var all = await query.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).Take(TableExport.MaxRows + 1).ToListAsync(http.RequestAborted);
            return JsonOrFile<Page<EntryView>>.File(TableExport.File(http.Request, chosen, "entries", "加减分记录", EntryRow.Columns, await Named(session, rulebooks, all, seen, http.RequestAborted)));
        }

        var rows = await query.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).Take(paging.Limit + 1).ToListAsync(http.RequestAborted);
        return JsonOrFile<Page<EntryView>>.Json(paging.Take(rows, e => EntryView.AsKnownAt(e, seen),
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
}
