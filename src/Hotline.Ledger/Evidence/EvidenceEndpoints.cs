using Hotline.Ledger.Appeals;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Evidence;

public static class EvidenceEndpoints
{
    public const int MaxRows = 50_000;

    /// <summary>
    /// Every entry and mark that touched the subject, rescinded ones included with their rescission,
    /// and every step of the appeals against them, in the order they were recorded, each with its unit's
    /// and person's names. JSON (a page <c>{items, next}</c> when <c>limit</c> or <c>after</c> is given, the bare
    /// array otherwise), or every row as CSV with <c>?format=csv</c> or Accept: text/csv (ADR 0069), or as an
    /// Excel workbook with <c>?format=xlsx</c> or the XLSX media type in Accept.
    /// </summary>
    [WolverineGet("/api/evidence", OperationId = "evidenceTrail")]
    [AuditedRead(ReadKind.EvidenceTrail, ReadSubject.Query)]
    public static async Task<JsonOrFile<IReadOnlyList<EvidenceRow>>> Trail(HttpContext http, IQuerySession session, EvidenceQuery window,
        Guid? unitId, Guid? personId, string? clause, string? format, string? limit, string? after)
    {
        var csv = false;
        var xlsx = false;
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (format.Trim().ToLowerInvariant() is not ("json" or "csv" or "xlsx")) return JsonOrFile<IReadOnlyList<EvidenceRow>>.Refused(Problems.InvalidProblem("format", "evidence.format.unknown"));
            csv = format.Trim().Equals("csv", StringComparison.OrdinalIgnoreCase);
            xlsx = format.Trim().Equals("xlsx", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            xlsx = http.Request.Headers.Accept.Any(a => a is not null && a.Contains(Hotline.Ledger.Exports.SheetXlsx.ContentType, StringComparison.OrdinalIgnoreCase));
            csv = !xlsx && http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        }

        var (known, fromDate, toDate) = (window.KnownAt, window.From, window.To);
        // The CSV is every row; JSON pages only when asked to, so that a caller of the bare array sees no change.
        var paged = !csv && !xlsx && Paging.Asked(limit, after);
        var paging = new Paging(MaxRows, null);
        if (paged)
        {
            var (parsed, refusal) = Paging.Parse(limit, after, 3);
            if (refusal is not null) return JsonOrFile<IReadOnlyList<EvidenceRow>>.Refused(refusal);
            paging = parsed!;
        }

        var cursor = paging.After is { } a ? Position(a) : null;
        if (paging.After is not null && cursor is null)
            return JsonOrFile<IReadOnlyList<EvidenceRow>>.Refused(Paging.BadCursor);

        // An unknown subject is a 404: an empty trail would read as a clean record.
        if (unitId is { } uid && await session.LoadAsync<Unit>(uid, http.RequestAborted) is null) return JsonOrFile<IReadOnlyList<EvidenceRow>>.Refused(Problems.NotFoundProblem("unit", uid));
        if (personId is { } pid && await session.LoadAsync<Person>(pid, http.RequestAborted) is null) return JsonOrFile<IReadOnlyList<EvidenceRow>>.Refused(Problems.NotFoundProblem("person", pid));

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
            .OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).ThenBy(r => r.What, StringComparer.Ordinal)
            .ToList();
        // A liaison sees only their unit's rows (docs/security.md); who read whose trail is recorded (the attribute).
        rows = await LiaisonScope.Filter(http, session, rows, r => r.UnitId, r => r.PersonId);
        if (cursor is { } c) rows = rows.Where(r => After(r, c)).ToList();

        if (xlsx)
        {
            // The same cells as the CSV, under the same headings (ADR 0082).
            var named = await Named(session, rows, http.RequestAborted);
            var columns = EvidenceCsv.Header.Select((label, i) => new Hotline.Ledger.Exports.Column<string[]>(label, cells => cells[i])).ToList();
            return JsonOrFile<IReadOnlyList<EvidenceRow>>.File(Hotline.Ledger.Exports.TableExport.File(http.Request, Hotline.Ledger.Exports.ExportFormat.Xlsx, "evidence", "证据链", columns,
                named.Select(EvidenceCsv.Cells)));
        }

        if (csv)
        {
            var named = await Named(session, rows, http.RequestAborted);
            return JsonOrFile<IReadOnlyList<EvidenceRow>>.File(Results.Stream(stream => EvidenceCsv.WriteAsync(stream, named, http.RequestAborted), "text/csv; charset=utf-8", "evidence.csv"));
        }

        var page = paged ? rows.Take(paging.Limit + 1).ToList() : rows;
        var shown = await Named(session, page, http.RequestAborted);
        if (!paged) return JsonOrFile<IReadOnlyList<EvidenceRow>>.Json(shown);
        return JsonOrFile<IReadOnlyList<EvidenceRow>>.Paged(paging.Take(shown, r => r,
            r => Paging.Cursor(r.RecordedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), r.Id.ToString("N"), r.What)));
    }

    /// <summary>The rows with the names of the units and people they name, read in two queries.</summary>
    private static async Task<List<EvidenceRow>> Named(IQuerySession session, IReadOnlyList<EvidenceRow> rows, CancellationToken cancellation)
    {
        var unitIds = rows.Select(r => r.UnitId).OfType<Guid>().Distinct().ToArray();
        var personIds = rows.Select(r => r.PersonId).OfType<Guid>().Distinct().ToArray();
        var units = unitIds.Length == 0 ? [] : (await session.LoadManyAsync<Unit>(cancellation, unitIds)).ToDictionary(x => x.Id, x => x.Name);
        var people = personIds.Length == 0 ? [] : (await session.LoadManyAsync<Person>(cancellation, personIds)).ToDictionary(x => x.Id, x => x.Name);
        return rows.Select(r => r.Named(units, people)).ToList();
    }

    private static (long Ticks, Guid Id, string What)? Position(IReadOnlyList<string> cursor) =>
        long.TryParse(cursor[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && Guid.TryParseExact(cursor[1], "N", out var id)
            ? (ticks, id, cursor[2])
            : null;

    /// <summary>Whether the row comes after the cursor in the trail's order (recorded at, id, what).</summary>
    private static bool After(EvidenceRow row, (long Ticks, Guid Id, string What) c)
    {
        var byTime = row.RecordedAt.UtcTicks.CompareTo(c.Ticks);
        if (byTime != 0) return byTime > 0;
        var byId = row.Id.CompareTo(c.Id);
        return byId != 0 ? byId > 0 : string.CompareOrdinal(row.What, c.What) > 0;
    }
}
