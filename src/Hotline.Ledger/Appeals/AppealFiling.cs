using Hotline.Ledger.Http;
using Hotline.Ledger.Ledger.Entries;
using Hotline.Ledger.Ledger.Marks;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Hotline.Ledger.Appeals;

/// <summary>Checks a filing against what it contests and builds its event, or says why it is refused.</summary>
internal static class AppealFiling
{
    public static async Task<(AppealFiled? Filed, IResult? Refusal)> AgainstEntry(
        IQuerySession session, RulebookCatalog rulebooks, Guid appealId, Guid entryId, FileAppeal command, DateTimeOffset now, string actor)
    {
        var entry = await session.LoadAsync<Entry>(entryId);
        if (entry is null) return (null, Problems.Field("entryId", $"There is no entry with id '{entryId}'."));
        if (entry.Rescission is { } r)
            return (null, Problems.Conflict("Entry already rescinded",
                $"Entry {entryId} was rescinded at {r.RescindedAt:O} by {r.RescindedBy}: it no longer counts, so there is nothing to appeal.", "entryId"));
        if (entry.AppealId is { } decidedBy)
            return (null, Problems.Conflict("Entry is an appeal's outcome",
                $"Entry {entryId} is the correction recorded when appeal {decidedBy} was upheld; that decision settled the matter.", "entryId"));

        var days = rulebooks.Get(entry.Rulebook)?.AppealWindowOrDefault() ?? Rulebook.DefaultAppealWindowDays;
        var closesOn = AppealWindow.ClosesOn(entry.RecordedAt, days);
        if (!AppealWindow.IsOpen(closesOn, now))
            return (null, Problems.Conflict("Appeal window closed",
                $"Entry {entryId} was recorded on {OfficeCalendar.DateOf(entry.RecordedAt):yyyy-MM-dd}; appeals against it could be filed for {days} days, until the end of {closesOn:yyyy-MM-dd} (Asia/Shanghai).",
                "entryId"));

        return (new AppealFiled(appealId, Appeal.EntrySubject(entry.Id), entry.Id, entry.Rulebook, entry.Clause, entry.UnitId,
            entry.PersonId, entry.Year, entry.OccurredOn, entry.Points, command.Reason.Trim(), command.Evidence ?? [], closesOn, actor), null);
    }

    public static async Task<(AppealFiled? Filed, IResult? Refusal)> AgainstCriterion(
        IQuerySession session, RulebookCatalog rulebooks, Guid appealId, FileAppeal command, DateTimeOffset now, string actor)
    {
        var year = command.Year!.Value;
        var unitId = command.UnitId!.Value;
        if (year > OfficeCalendar.DateOf(now).Year) return (null, Problems.Field("year", $"The year {year} has not begun."));

        var rulebook = rulebooks.ForScoring(year, OfficeCalendar.LastDayOf(year));
        if (rulebook is null) return (null, Problems.Field("year", $"No rulebook scores the year {year}."));
        var clause = rulebook.Find(command.Criterion!);
        if (clause is null || clause.Kind != ClauseKind.Criterion || rulebook.HasChildren(clause.Code) || !clause.Credits(SubjectKind.Unit))
            return (null, Problems.Field("criterion",
                $"'{command.Criterion}' is not a unit criterion that carries points in rulebook {rulebook.Id} (e.g. U1.1 or U4.1); to contest a bonus or deduction, name its entry with 'entryId'."));
        if (await session.LoadAsync<Unit>(unitId) is null)
            return (null, Problems.Field("unitId", $"There is no unit with id '{unitId}'."));

        var latestMark = (await session.Query<Mark>()
                .Where(m => m.SubjectId == unitId && m.Year == year && m.Clause == clause.Code)
                .ToListAsync())
            .OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).LastOrDefault();
        var days = rulebook.AppealWindowOrDefault();
        var closesOn = AppealWindow.ClosesOnForCriterion(year, latestMark?.RecordedAt, days);
        if (!AppealWindow.IsOpen(closesOn, now))
            return (null, Problems.Conflict("Appeal window closed",
                $"Appeals against {clause.Code} for {year} could be filed until the end of {closesOn:yyyy-MM-dd} (Asia/Shanghai), {days} days after the year's end or its latest mark.",
                "criterion"));

        return (new AppealFiled(appealId, Appeal.CriterionSubject(clause.Code, unitId, year), null, rulebook.Id, clause.Code, unitId,
            null, year, OfficeCalendar.LastDayOf(year), latestMark?.Points, command.Reason.Trim(), command.Evidence ?? [], closesOn, actor), null);
    }
}
