using Hotline.Ledger.Entries;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Deadlines;

/// <summary>How far a unit's monthly reports have been judged: a bookmark, not a fact.</summary>
public sealed class MonthlyReportWatch
{
    public Guid Id { get; set; }
    public string JudgedThrough { get; set; } = "";
}

/// <summary>
/// D3.3, recorded by the ledger itself (ADR 0024): a month whose work report was not in by its
/// deadline costs the unit 5 points, dated the month's last day. A unit owes a report for every month
/// it was registered in, from the month it was registered. A report that comes later does not undo it.
/// </summary>
public static class MonthlyReportDeadlines
{
    public const string Clause = "D3.3";
    public static Guid EntryIdOf(Guid unitId, ReportMonth month) => DeterministicId.From("D3.3", unitId.ToString("N"), month.ToString());

    public static async Task Judge(IDocumentSession session, DateTimeOffset now, RulebookCatalog rulebooks, CancellationToken ct)
    {
        var units = await session.Query<Unit>().ToListAsync(ct);
        var watches = (await session.Query<MonthlyReportWatch>().ToListAsync(ct)).ToDictionary(w => w.Id);

        var owed = new List<(Unit Unit, ReportMonth Month, DateTimeOffset DueAt)>();
        foreach (var unit in units)
        {
            var month = ReportMonth.Of(OfficeCalendar.DateOf(unit.RegisteredAt));
            if (watches.TryGetValue(unit.Id, out var watch) && ReportMonth.TryParse(watch.JudgedThrough, out var judged) && judged >= month)
                month = judged.Next;
            for (; month.DueAt(rulebooks) <= now; month = month.Next) owed.Add((unit, month, month.DueAt(rulebooks)));
        }

        if (owed.Count == 0) return;

        var reportIds = owed.Select(o => MonthlyReport.IdOf(o.Unit.Id, o.Month)).ToArray();
        var reports = (await session.LoadManyAsync<MonthlyReport>(ct, reportIds)).ToDictionary(r => r.Id);
        foreach (var (unit, month, dueAt) in owed)
        {
            var report = reports.GetValueOrDefault(MonthlyReport.IdOf(unit.Id, month));
            if (report is not { OnTime: true }) Charge(session, unit.Id, month, dueAt, rulebooks);
        }

        foreach (var last in owed.GroupBy(o => o.Unit.Id).Select(g => g.Last()))
            session.Store(new MonthlyReportWatch { Id = last.Unit.Id, JudgedThrough = last.Month.ToString() });
    }

    private static void Charge(IDocumentSession session, Guid unitId, ReportMonth month, DateTimeOffset dueAt, RulebookCatalog rulebooks)
    {
        var rulebook = rulebooks.InForceOn(month.LastDay);
        if (rulebook?.Find(Clause) is not { } clause) return;
        var due = TimeZoneInfo.ConvertTime(dueAt, OfficeCalendar.Zone).AddTicks(-1);
        EntryBook.Record(session, clause, new EntryRecorded(
            EntryIdOf(unitId, month), rulebook.Id, clause.Code, unitId, null, month.LastDay, clause.Signed(clause.Points!.Value),
            $"账本自动记录：{month} 的月度工作情况通报应于 {due:yyyy-MM-dd}（北京时间）日终前报送，截至当时未收到。",
            [], null, RequestActor.Ledger, Automatic: true, Month: month.ToString()));
    }
}
