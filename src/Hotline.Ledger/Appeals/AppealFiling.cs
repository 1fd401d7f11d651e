using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Appeals;

/// <summary>Checks a filing against what it contests and builds its event, or says why it is refused (a domain rejection).</summary>
internal static class AppealFiling
{
    public static async Task<(AppealFiled? Filed, Rejection? Refusal)> AgainstEntry(
        IQuerySession session, RulebookCatalog rulebooks, Guid appealId, Guid entryId, FileAppeal command, DateTimeOffset now, string actor)
    {
        var entry = await session.LoadAsync<Entry>(entryId);
        if (entry is null) return (null, Rejection.Invalid("entryId", "appeal.entryId.unknown", entryId));
        if (entry.Rescission is { } r)
            return (null, Rejection.Conflict("entryId", "appeal.entry.rescinded", entryId, r.RescindedAt, r.RescindedBy));
        if (entry.AppealId is { } decidedBy)
            return (null, Rejection.Conflict("entryId", "appeal.entry.outcome", entryId, decidedBy));

        var days = rulebooks.Get(entry.Rulebook)?.AppealWindowOrDefault() ?? Rulebook.DefaultAppealWindowDays;
        var closesOn = AppealWindow.ClosesOn(entry.RecordedAt, days);
        if (!AppealWindow.IsOpen(closesOn, now))
            return (null, Rejection.Conflict("entryId", "appeal.window.entry", entryId, OfficeCalendar.DateOf(entry.RecordedAt), days, closesOn));

        return (new AppealFiled(appealId, Appeal.EntrySubject(entry.Id), entry.Id, entry.Rulebook, entry.Clause, entry.UnitId,
            entry.PersonId, entry.Year, entry.OccurredOn, entry.Points, command.Reason.Trim(), command.Evidence ?? [], closesOn, actor), null);
    }

    public static async Task<(AppealFiled? Filed, Rejection? Refusal)> AgainstCriterion(
        IQuerySession session, RulebookCatalog rulebooks, Guid appealId, FileAppeal command, DateTimeOffset now, string actor)
    {
        var year = command.Year!.Value;
        var unitId = command.UnitId!.Value;
        if (year > OfficeCalendar.DateOf(now).Year) return (null, Rejection.Invalid("year", "year.notBegun", year));

        var rulebook = rulebooks.ForScoring(year, OfficeCalendar.LastDayOf(year));
        if (rulebook is null) return (null, Rejection.Invalid("year", "year.noRulebook", year));
        var clause = rulebook.Find(command.Criterion!);
        if (clause is null || clause.Kind != ClauseKind.Criterion || rulebook.HasChildren(clause.Code) || !clause.Credits(SubjectKind.Unit))
            return (null, Rejection.Invalid("criterion", "appeal.criterion.notUnitCriterion", command.Criterion, rulebook.Id));
        if (await session.LoadAsync<Unit>(unitId) is null)
            return (null, Rejection.Invalid("unitId", "appeal.unitId.unknown", unitId));

        var latestMark = (await session.Query<Mark>()
                .Where(m => m.SubjectId == unitId && m.Year == year && m.Clause == clause.Code)
                .ToListAsync())
            .OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).LastOrDefault();
        var days = rulebook.AppealWindowOrDefault();
        var closesOn = AppealWindow.ClosesOnForCriterion(year, latestMark?.RecordedAt, days);
        if (!AppealWindow.IsOpen(closesOn, now))
            return (null, Rejection.Conflict("criterion", "appeal.window.criterion", clause.Code, year, closesOn, days));

        return (new AppealFiled(appealId, Appeal.CriterionSubject(clause.Code, unitId, year), null, rulebook.Id, clause.Code, unitId,
            null, year, OfficeCalendar.LastDayOf(year), latestMark?.Points, command.Reason.Trim(), command.Evidence ?? [], closesOn, actor), null);
    }
}
