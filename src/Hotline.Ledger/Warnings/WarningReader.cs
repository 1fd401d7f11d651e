using Hotline.Ledger.Cases;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Warnings;

/// <summary>
/// What is at risk at an instant: the rate lights, the reply deadlines close at hand, the monthly reports not yet in —
/// from narrow rows the endpoint reads in one round trip (ADR 0178).
/// </summary>
public static class WarningReader
{
    /// <summary>The rate lights (units' and people's criteria below target), red where the part scores nothing; the notices read them too.</summary>
    internal static async Task<IEnumerable<Warning>> Rates(IQuerySession session, Rulebook rulebook, ScoreQuery q, IReadOnlyDictionary<Guid, Unit> units) =>
        await RateLights.Of(session, rulebook, q, units);

    /// <summary>A case file as a warning needs it: without its facts, which are most of its document.</summary>
    internal sealed record CaseRow(string CaseNumber, Guid? UnitId, Guid? PersonId, DateTimeOffset? ReplyDueAt, List<ReplyCharge> Charges);

    internal sealed record ReportRow(Guid Id, Guid UnitId);

    /// <summary>The cases whose reply is due within a day, or was due within the feed's grace and a day before it.</summary>
    internal static Task<IReadOnlyList<CaseRow>> QueueCases(Marten.Services.BatchQuerying.IBatchedQuery batch, DateTimeOffset at, TimeSpan grace)
    {
        var from = at - grace - TimeSpan.FromDays(1);
        var to = at + TimeSpan.FromDays(1);
        return batch.Query<CaseFile>().Where(c => c.ReplyDueAt != null && c.ReplyDueAt > from && c.ReplyDueAt <= to)
            .Select(c => new CaseRow(c.CaseNumber, c.UnitId, c.PersonId, c.ReplyDueAt, c.Charges)).ToList();
    }

    internal static IEnumerable<Warning> Cases(IReadOnlyList<CaseRow> files, DateTimeOffset at, IReadOnlyDictionary<Guid, Unit> units)
    {
        var warnings = new List<Warning>();
        foreach (var file in files)
        {
            var due = file.ReplyDueAt!.Value;
            var local = TimeZoneInfo.ConvertTime(due, OfficeCalendar.Zone);
            var code = file.UnitId is { } u && units.TryGetValue(u, out var unit) ? unit.Code : "?";
            if (due > at)
                warnings.Add(new Warning("case", "yellow",
                    $"案件 {file.CaseNumber}（{code}）：答复期限 {local:yyyy-MM-dd HH:mm}（还有 {(due - at).TotalHours:0.#} 小时），尚未答复。",
                    UnitId: file.UnitId, PersonId: file.PersonId, CaseNumber: file.CaseNumber, Clause: ReplyDeadlines.Clause, DueAt: due));
            else if (file.Charges.All(c => c.UnitId != file.UnitId))
                warnings.Add(new Warning("case", "red",
                    $"案件 {file.CaseNumber}（{code}）：答复期限 {local:yyyy-MM-dd HH:mm} 已过，仍未收到答复；除非收到在期限内盖章的答复，将按 D3.1 扣分。",
                    UnitId: file.UnitId, PersonId: file.PersonId, CaseNumber: file.CaseNumber, Clause: ReplyDeadlines.Clause, DueAt: due));
        }

        return warnings;
    }

    /// <summary>The units owing <paramref name="month"/>'s report (the month whose report falls due next: last month's until its deadline passes).</summary>
    internal static IEnumerable<Warning> Reports(IReadOnlyList<ReportRow> reports, ReportMonth month, DateTimeOffset dueAt, DateTimeOffset at, IEnumerable<Unit> units)
    {
        if (dueAt <= at) return [];

        var owing = units.Where(u => OfficeCalendar.DateOf(u.RegisteredAt) <= month.LastDay).ToList();
        // A report counts when it is the unit's one for the month: its id says so.
        var received = reports.Where(r => r.Id == MonthlyReport.IdOf(r.UnitId, month)).Select(r => r.UnitId).ToHashSet();
        var deadline = TimeZoneInfo.ConvertTime(dueAt, OfficeCalendar.Zone).AddTicks(-1);
        return owing.Where(u => !received.Contains(u.Id)).Select(u => new Warning("monthlyReport", "yellow",
            $"{u.Code} {u.Name}：{month} 的工作报告应于 {deadline:yyyy-MM-dd} 前报送，尚未收到。",
            UnitId: u.Id, Month: month.ToString(), Clause: MonthlyReportDeadlines.Clause, DueAt: dueAt));
    }
}
