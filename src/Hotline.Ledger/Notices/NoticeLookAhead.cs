using Hotline.Ledger.Cases;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Hotline.Ledger.Notices;

/// <summary>
/// "Warn of every deadline close at hand, as of now." Scheduled durably for each new reply deadline (its
/// lead time before it, and the deadline itself), recurring on <see cref="NoticeOptions.LookAheadCron"/>.
/// It reads the injected clock, so a firing early, late or twice is harmless.
/// </summary>
public sealed record LookAheadForNotices;

/// <summary>
/// Raises the notices of what is about to cost points (ADR 0098): a reply due within the lead time with
/// neither reply nor explanation; a reply deadline passed and not yet charged (the warning turned red);
/// a monthly report due within its lead time and not filed; a unit's or person's rate warning turned red
/// (<see cref="RedLights"/>). Each has a name-based id, so it is raised once.
/// </summary>
[WolverineHandler]
public static class NoticeLookAhead
{
    public static async Task<OutgoingMessages> Handle(LookAheadForNotices _, IDocumentSession session, TimeProvider clock,
        RulebookCatalog rulebooks, IOptions<NoticeOptions> options, IOptions<DeadlineOptions> deadlines, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var raised = new List<NoticeRaised>();
        raised.AddRange(await Replies(session, now, rulebooks, options.Value.ReplyLead, deadlines.Value.FeedGrace, ct));
        raised.AddRange(await Reports(session, now, rulebooks, options.Value.ReportLead, ct));
        // The lights' state is saved with the notices they raise, in the handler's transaction and outbox.
        raised.AddRange(await RedLights.TurnedRed(session, now, rulebooks, ct));

        var messages = new OutgoingMessages();
        if (raised.Count == 0) return messages;
        var known = (await session.LoadManyAsync<Notice>(ct, raised.Select(r => r.NoticeId).ToArray())).Select(n => n.Id).ToHashSet();
        messages.AddRange(raised.Where(r => !known.Contains(r.NoticeId)));
        return messages;
    }

    public static Guid ReplyDueSoonId(string caseNumber, Guid unitId, DateTimeOffset dueAt) =>
        DeterministicId.From(NoticeKinds.ReplyDueSoon, caseNumber, unitId.ToString("N"), dueAt.UtcTicks.ToString());

    private static async Task<IEnumerable<NoticeRaised>> Replies(IQuerySession session, DateTimeOffset now, RulebookCatalog rulebooks,
        TimeSpan lead, TimeSpan grace, CancellationToken ct)
    {
        var from = now - grace;
        var to = now + lead;
        var files = await session.Query<CaseFile>().Where(c => c.ReplyDueAt != null && c.ReplyDueAt > from && c.ReplyDueAt <= to).ToListAsync(ct);
        var raised = new List<NoticeRaised>();
        foreach (var file in files.Where(f => f.UnitId is not null))
        {
            var due = file.ReplyDueAt!.Value;
            var unit = file.UnitId!.Value;
            var points = rulebooks.InForceOn(OfficeCalendar.DateOf(due))?.Find(ReplyDeadlines.Clause)?.Points;
            if (due > now)
                raised.Add(new NoticeRaised(ReplyDueSoonId(file.CaseNumber, unit, due), NoticeKinds.ReplyDueSoon, unit, file.PersonId,
                    CaseNumber: file.CaseNumber, Clause: ReplyDeadlines.Clause, Points: -points, DueAt: due));
            else if (file.Charges.All(c => c.UnitId != unit))
                raised.Add(new NoticeRaised(DeterministicId.From(NoticeKinds.WarningRed, file.CaseNumber, unit.ToString("N"), due.UtcTicks.ToString()),
                    NoticeKinds.WarningRed, unit, file.PersonId, CaseNumber: file.CaseNumber, Clause: ReplyDeadlines.Clause, Points: -points, DueAt: due));
        }

        return raised;
    }

    private static async Task<IEnumerable<NoticeRaised>> Reports(IQuerySession session, DateTimeOffset now, RulebookCatalog rulebooks, TimeSpan lead, CancellationToken ct)
    {
        // The month whose report falls due next: last month's until its deadline passes.
        var month = ReportMonth.Of(OfficeCalendar.DateOf(now).AddMonths(-1));
        var dueAt = month.DueAt(rulebooks);
        if (dueAt <= now || dueAt - now > lead) return [];

        var units = await session.Query<Unit>().ToListAsync(ct);
        var owing = units.Where(u => OfficeCalendar.DateOf(u.RegisteredAt) <= month.LastDay).ToList();
        if (owing.Count == 0) return [];
        var received = (await session.LoadManyAsync<MonthlyReport>(ct, owing.Select(u => MonthlyReport.IdOf(u.Id, month)).ToArray()))
            .Select(r => r.UnitId).ToHashSet();
        var points = rulebooks.InForceOn(month.LastDay)?.Find(MonthlyReportDeadlines.Clause)?.Points;
        return owing.Where(u => !received.Contains(u.Id)).Select(u => new NoticeRaised(
            DeterministicId.From(NoticeKinds.ReportDueSoon, u.Id.ToString("N"), month.ToString()), NoticeKinds.ReportDueSoon, u.Id,
            Clause: MonthlyReportDeadlines.Clause, Points: -points, DueAt: dueAt, Detail: month.ToString()));
    }
}
