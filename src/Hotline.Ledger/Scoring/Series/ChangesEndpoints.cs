using Hotline.Ledger.Appeals;
using Hotline.Ledger.Exports;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Scoring.Series;

public static class ChangesEndpoints
{
    [WolverineGet("/api/units/{id}/changes", OperationId = "unitChanges")]
    [AuditedRead(ReadKind.ScoreReplay, ReadSubject.RouteUnit)]
    public static async Task<JsonOrFile<LedgerChanges>> UnitChanges(Guid id, ChangesQuery changes, IQuerySession session, RulebookCatalog rulebooks, HttpContext http, string? format)
    {
        if (TableExport.Refusal(format) is { } badFormat) return JsonOrFile<LedgerChanges>.Refused(badFormat);
        var (subject, _, missing) = await ReplayedSubject.Unit(session, http, id);
        if (missing is not null) return JsonOrFile<LedgerChanges>.Refused(missing);
        return Answer(await Between(session, rulebooks, SubjectKind.Unit, subject!, changes.Query, changes.From, http.RequestAborted), format);
    }

    [WolverineGet("/api/people/{id}/changes", OperationId = "personChanges")]
    [AuditedRead(ReadKind.ScoreReplay, ReadSubject.RoutePerson)]
    public static async Task<JsonOrFile<LedgerChanges>> PersonChanges(Guid id, ChangesQuery changes, IQuerySession session, RulebookCatalog rulebooks, HttpContext http, string? format)
    {
        if (TableExport.Refusal(format) is { } badFormat) return JsonOrFile<LedgerChanges>.Refused(badFormat);
        var (subject, _, missing) = await ReplayedSubject.Person(session, http, id);
        if (missing is not null) return JsonOrFile<LedgerChanges>.Refused(missing);
        return Answer(await Between(session, rulebooks, SubjectKind.Person, subject!, changes.Query, changes.From, http.RequestAborted), format);
    }

    private static JsonOrFile<LedgerChanges> Answer(LedgerChanges changes, string? format)
    {
        var (json, download) = TableExport.Choose(format, () => new SheetTable("changes", "变化说明",
            [new("at", "时点"), new("kind", "变化"), new("clause", "条款"), new("points", "分值", true), new("effect", "对总分的影响", true),
             new("occurredOn", "发生日期"), new("by", "经办人"), new("reason", "说明"), new("outcome", "申诉结果")],
            changes.Changes.Select(c => new object?[] { c.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), KindName(c.Kind), c.Clause, c.Points, c.Effect,
                c.OccurredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.By, c.Reason, c.Outcome }).ToList()),
            $"changes-{changes.Subject.Code ?? changes.Subject.Id.ToString("N")[..8]}-{changes.Year}");
        return json ? JsonOrFile<LedgerChanges>.Json(changes) : JsonOrFile<LedgerChanges>.File(download!);
    }

    private static string KindName(string kind) => kind switch
    {
        "entry" => "记录", "rescission" => "撤销", "mark" => "评分", "appeal" => "申诉决定", _ => kind,
    };

    private static async Task<LedgerChanges> Between(IQuerySession session, RulebookCatalog rulebooks, SubjectKind kind, ScoreSubject subject,
        ScoreQuery q, DateTimeOffset from, CancellationToken ct)
    {
        var to = q.KnownAt;
        var rulebook = rulebooks.ForScoring(q.Year, q.AsOf)!;
        var before = await SubjectCards.Read(session, rulebook, kind, subject, q with { KnownAt = from });
        var after = await SubjectCards.Read(session, rulebook, kind, subject, q);

        var id = subject.Id;
        var entries = kind == SubjectKind.Unit
            ? await session.Query<Entry>().Where(e => e.UnitId == id && e.Year == q.Year
                && ((e.RecordedAt > from && e.RecordedAt <= to) || (e.RescindedAt > from && e.RescindedAt <= to))).ToListAsync(ct)
            : await session.Query<Entry>().Where(e => e.PersonId == id && e.Year == q.Year
                && ((e.RecordedAt > from && e.RecordedAt <= to) || (e.RescindedAt > from && e.RescindedAt <= to))).ToListAsync(ct);
        var marks = await session.Query<Mark>().Where(m => m.SubjectId == id && m.Year == q.Year && m.RecordedAt > from && m.RecordedAt <= to).ToListAsync(ct);
        var appeals = kind == SubjectKind.Unit
            ? await session.Query<Appeal>().Where(a => a.UnitId == id && a.Year == q.Year && a.DecidedAt > from && a.DecidedAt <= to).ToListAsync(ct)
            : await session.Query<Appeal>().Where(a => a.PersonId == id && a.Year == q.Year && a.DecidedAt > from && a.DecidedAt <= to).ToListAsync(ct);

        bool Counts(DateOnly on) => on >= q.YearStart && on <= q.LastCountedDay;
        var changes = new List<LedgerChange>();
        foreach (var e in entries)
        {
            if (e.RecordedAt > from && e.RecordedAt <= to)
                changes.Add(new(e.RecordedAt, "entry", e.RecordedBy, e.Clause, e.Points, Counts(e.OccurredOn) && e.CountsAt(to) ? e.Points : 0m,
                    e.OccurredOn, e.Reason, e.Id, null, null, null));
            if (e.Rescission is { } r && r.RescindedAt > from && r.RescindedAt <= to)
                // A rescission takes back what the entry counted at from (nothing if it was recorded in between as well).
                changes.Add(new(r.RescindedAt, "rescission", r.RescindedBy, e.Clause, e.Points, Counts(e.OccurredOn) && e.RecordedAt <= from ? -e.Points : 0m,
                    e.OccurredOn, r.Reason, e.Id, null, r.AppealId, null));
        }

        foreach (var m in marks)
            changes.Add(new(m.RecordedAt, "mark", m.Scorer, m.Clause, m.Points, null, m.MarkedOn, m.Reason, null, m.Id, m.AppealId, null));
        foreach (var a in appeals)
            changes.Add(new(a.DecidedAt!.Value, "appeal", a.Decision?.DecidedBy ?? "", a.Clause, a.Decision?.CorrectedPoints, null, a.ContestedOn,
                a.Decision?.Reason, a.Decision?.CorrectionEntryId ?? a.EntryId, a.Decision?.MarkId, a.Id, Appeal.Word(a.Status)));

        return new LedgerChanges(subject, q.Year, q.AsOf, from, to, before.Total, after.Total, after.Total - before.Total,
            changes.OrderBy(c => c.At).ThenBy(c => c.Kind, StringComparer.Ordinal).ToList());
    }
}
