using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.SelfChecks;
using Hotline.Ledger.SpotChecks;

namespace Hotline.Ledger.Benchmarks.City;

/// <summary>
/// The synthetic city's history as one time-ordered stream of operations, deterministic from the seed:
/// the same (scale, seed) always gives the same operations, ids and payloads in the same order. It is
/// generated lazily (twelve million events never sit in memory): facts are decided day by day and
/// anything that happens later (a rescission, a case's reply, a return visit) waits in a queue keyed
/// by the instant the ledger will learn it.
/// </summary>
public sealed class CityGenerator(CityPlan plan, RulebookCatalog rulebooks, int seed)
{
    private readonly Rulebook rulebook = rulebooks.InForceOn(new DateOnly(plan.Scale.FirstYear, 1, 1))
                                         ?? throw new InvalidOperationException($"No rulebook is in force in {plan.Scale.FirstYear}.");

    public const string Office = "bench-office";

    // Rates per person and year of the clauses that credit the unit and, usually, the person.
    private static readonly (string Clause, double PerPersonYear, string Reason)[] PersonClauses =
    [
        ("B1", 0.5, "报送信息被市长热线办公室采用"),
        ("B2.1", 1.0, "群众来电致谢"),
        ("B2.2", 0.4, "群众来信表扬"),
        ("B2.3", 0.1, "工作受到新闻媒体报道表扬"),
        ("D1", 0.2, "问题应解决未解决，群众投诉"),
        ("D2", 0.05, "工作失职造成不良影响，被上级通报批评"),
    ];

    private static readonly string[] Scorers = ["office-1", "office-2", "office-3", "office-4", "office-5"];

    private readonly PriorityQueue<CityOp, (DateTimeOffset, long)> _pending = new();
    private readonly DateTimeOffset _end = OfficeCalendar.EndOf(plan.Scale.Today.AddDays(-1));
    private readonly HashSet<(string Clause, Guid Subject, int Year)> _oncePerYear = [];
    private long _order;
    private int _caseSeq;

    public CityPlan Plan => plan;

    /// <summary>Every operation up to the city's today, in the order the ledger learns them.</summary>
    public IEnumerable<CityOp> Timeline()
    {
        var rng = new Random(seed);
        var scale = plan.Scale;
        ScheduleRegistry(rng);
        ScheduleTransfers(rng);

        for (var day = scale.Founding; day < scale.Today; day = day.AddDays(1))
        {
            if (day.Year >= scale.FirstYear) Decide(rng, day);
            var dayEnd = OfficeCalendar.EndOf(day);
            while (_pending.TryPeek(out _, out var at) && at.Item1 < dayEnd) yield return _pending.Dequeue();
        }
    }

    private void Schedule(CityOp op)
    {
        if (op.RecordedAt < _end) _pending.Enqueue(op, (op.RecordedAt, _order++));
    }

    private void Ledger(DateTimeOffset at, Guid stream, object e, bool starts = true, EntryRecorded? rescinds = null) =>
        Schedule(new LedgerOp(at, stream, e, starts) { Rescinds = rescinds });

    private void ScheduleRegistry(Random rng)
    {
        var at = OfficeCalendar.EndOf(plan.Scale.Founding.AddDays(-1)).AddHours(9);
        foreach (var u in plan.Units)
            Ledger(at = at.AddSeconds(1), u.Id, new UnitRegistered(u.Id, u.Code, u.Name, Office));
        foreach (var p in plan.People)
            Ledger(at = at.AddSeconds(1), p.Id, new PersonRegistered(p.Id, p.Name, plan.Units[p.Spells[0].Unit].Id, p.Spells[0].From, Office));
    }

    private void ScheduleTransfers(Random rng)
    {
        foreach (var p in plan.People)
            for (var i = 1; i < p.Spells.Count; i++)
                Ledger(BeforeOfficeHours(rng, p.Spells[i].From), p.Id, new PersonTransferred(p.Id, plan.Units[p.Spells[i - 1].Unit].Id,
                    plan.Units[p.Spells[i].Unit].Id, p.Spells[i].From, Office), starts: false);
    }

    /// <summary>Decides what happens on a day: the facts recorded that day and the case lifecycles that start.</summary>
    private void Decide(Random rng, DateOnly day)
    {
        var scale = plan.Scale;
        var inHistory = day.Year <= scale.LastYear;
        if (inHistory)
        {
            foreach (var (clause, rate, reason) in PersonClauses)
                for (var n = Poisson(rng, rate * scale.People / 365.0); n > 0; n--) PersonEntry(rng, day, clause, reason);
            for (var n = Poisson(rng, 0.5 * scale.Units / 365.0); n > 0; n--) UnitEntry(rng, day, "D3.2", "虚报办理结果", null);
            for (var n = Poisson(rng, 2.0 * scale.Units / 365.0); n > 0; n--) SpotCheck(rng, day);
            if (day is { Month: 12, Day: 1 }) YearEndAwards(rng, day.Year);
            if (day is { Month: 7, Day: 1 }) Marks(rng, day.Year, halfYear: true);
            var cases = Poisson(rng, scale.CasesPerYear / 365.0);
            for (var n = 0; n < cases; n++) Case(rng, day);
        }

        if (day is { Month: 1, Day: 5 } && day.Year - 1 >= scale.FirstYear && day.Year - 1 <= scale.LastYear) Marks(rng, day.Year - 1, halfYear: false);
        var month = day.AddMonths(-1);
        if (day.Day == 1 && month.Year >= scale.FirstYear && month.Year <= scale.LastYear) SelfChecks(rng, month);
        if (day.Day == 1 && month.Year >= scale.FirstYear && month.Year <= scale.LastYear) MonthlyReports(rng, month);
    }

    private void PersonEntry(Random rng, DateOnly day, string code, string reason)
    {
        var occurredOn = Occurred(rng, day);
        var person = plan.People[rng.Next(plan.People.Count)];
        var unit = plan.Units[person.UnitOn(occurredOn)];
        var withPerson = rng.NextDouble() < 0.7;
        Entry(rng, OfficeHours(rng, day), code, unit.Id, withPerson ? person.Id : null, occurredOn, reason, null);
    }

    private void UnitEntry(Random rng, DateOnly day, string code, string reason, string? caseNumber) =>
        Entry(rng, OfficeHours(rng, day), code, plan.Units[rng.Next(plan.Units.Count)].Id, null, Occurred(rng, day), reason, caseNumber);

    private void Entry(Random rng, DateTimeOffset at, string code, Guid unit, Guid? person, DateOnly occurredOn, string reason, string? caseNumber)
    {
        var clause = rulebook.Find(code)!;
        var magnitude = clause.IsRange ? clause.MinPoints!.Value + rng.Next((int)((clause.MaxPoints!.Value - clause.MinPoints.Value) * 2) + 1) / 2m : clause.Points!.Value;
        IReadOnlyList<EvidenceItem> evidence = rng.NextDouble() < 0.3
            ? [new EvidenceItem("工单截图", $"hotline://evidence/{occurredOn:yyyyMMdd}/{rng.Next(1_000_000):D6}", Convert.ToHexString(RandomBytes(rng, 32)).ToLowerInvariant())]
            : [];
        var id = SeededIds.Next(rng, at);
        var recorded = new EntryRecorded(id, rulebook.Id, code, unit, person, occurredOn, clause.Signed(magnitude), reason, evidence, caseNumber, Office);
        Ledger(at, id, recorded);

        // About 2% of entries are found wrong and rescinded within a month.
        if (rng.NextDouble() < 0.02)
            Ledger(OfficeHours(rng, OfficeCalendar.DateOf(at).AddDays(1 + rng.Next(30))), id, new EntryRescinded(id, "核实有误，予以撤销", Office), starts: false, rescinds: recorded);
    }

    private void YearEndAwards(Random rng, int year)
    {
        foreach (var unit in plan.Units)
        {
            foreach (var (code, share, reason) in new[] { ("B3", 0.3, "选派到市长热线办公室跟班学习，表现优秀"), ("B4", 0.2, "创新工作方法，成效显著") })
            {
                if (rng.NextDouble() >= share) continue;
                var day = new DateOnly(year, 12, 1 + rng.Next(20));
                var person = plan.MemberOn(rng, unit.Index, day);
                // Once a year for the unit and for the person (ADR 0002): skip a person already awarded this year.
                if (person is not null && !_oncePerYear.Add((code, person.Id, year))) continue;
                Entry(rng, OfficeHours(rng, day), code, unit.Id, person?.Id, day, reason, null);
            }
        }
    }

    private void Marks(Random rng, int year, bool halfYear)
    {
        var unitCriteria = rulebook.ScoredCriteria(SubjectKind.Unit).Where(c => !c.IsComputed).ToList();
        var firstDay = halfYear ? new DateOnly(year, 7, 1) : new DateOnly(year + 1, 1, 5);
        foreach (var unit in plan.Units)
            foreach (var c in unitCriteria)
                Mark(rng, year, firstDay.AddDays(rng.Next(10)), c, SubjectKind.Unit, unit.Id, "office-1", halfYear ? "半年初评" : "年终考评");
        if (halfYear) return;

        var personCriteria = rulebook.ScoredCriteria(SubjectKind.Person).Where(c => !c.IsComputed).ToList();
        foreach (var person in plan.People)
            foreach (var c in personCriteria)
                foreach (var scorer in c.Collective ? Scorers : Scorers[..1])
                    Mark(rng, year, firstDay.AddDays(rng.Next(10)), c, SubjectKind.Person, person.Id, scorer, "年终考评");
    }

    private void Mark(Random rng, int year, DateOnly day, Clause c, SubjectKind kind, Guid subject, string scorer, string reason)
    {
        var at = OfficeHours(rng, day);
        var points = Math.Round(c.MaxMagnitude * (0.6m + rng.Next(9) * 0.05m) * 2, MidpointRounding.AwayFromZero) / 2;
        // As POST /api/marks does: a mark given within its year is marked that day, afterwards on 31 December.
        var markedOn = day.Year == year ? day : OfficeCalendar.LastDayOf(year);
        var id = SeededIds.Next(rng, at);
        Ledger(at, id, new MarkRecorded(id, rulebook.Id, year, c.Code, kind, subject, points, reason, scorer, markedOn));
    }

    private void SelfChecks(Random rng, DateOnly month)
    {
        var name = SelfCheckMonths.Of(month);
        var due = month.AddMonths(1).AddDays(SelfCheckMonths.DefaultDueDay - 1);
        var criteria = rulebook.ScoredCriteria(SubjectKind.Unit).ToList();
        foreach (var unit in plan.Units)
        {
            if (rng.NextDouble() < 0.02) continue; // a missing month
            var first = new DateOnly(due.Year, due.Month, 1).AddDays(rng.NextDouble() < 0.95 ? rng.Next(5) : 5 + rng.Next(5));
            var id = SelfCheck.IdOf(unit.Id, name);
            var submissions = rng.NextDouble() < 0.03 ? 2 : 1;
            for (var s = 0; s < submissions; s++)
            {
                var items = criteria.Select(c => new SelfCheckItem(c.Code, Math.Round(c.MaxMagnitude * (0.7m + rng.Next(7) * 0.05m), 1), null)).ToList();
                Ledger(OfficeHours(rng, first.AddDays(s * (1 + rng.Next(5)))), id,
                    new SelfCheckSubmitted(id, unit.Id, name, items, s == 0 ? "本月自查情况" : "更正后的自查", Office, due), starts: s == 0);
            }
        }
    }

    private void SpotCheck(Random rng, DateOnly day)
    {
        var at = OfficeHours(rng, day);
        var unit = plan.Units[rng.Next(plan.Units.Count)];
        var id = SeededIds.Next(rng, at);
        Ledger(at, id, new SpotCheckRecorded(id, unit.Id, Occurred(rng, day), "工单办理质量抽查", "抽查工单十件，办理规范", [], Office));
    }

    /// <summary>
    /// With the case feed: each unit's monthly work report, 97% before its deadline, 1% after it, 2% never
    /// (the ledger deducts D3.3 by itself for the last two).
    /// </summary>
    private void MonthlyReports(Random rng, DateOnly month)
    {
        var reportMonth = ReportMonth.Of(month);
        var due = reportMonth.DueAt(rulebooks);
        var name = reportMonth.ToString();
        foreach (var unit in plan.Units)
        {
            var pick = rng.NextDouble();
            if (pick >= 0.98) continue;
            var dueDay = OfficeCalendar.DateOf(due.AddTicks(-1));
            var day = pick < 0.97 ? new DateOnly(dueDay.Year, dueDay.Month, 1).AddDays(rng.Next(dueDay.Day)) : dueDay.AddDays(1 + rng.Next(10));
            var at = OfficeHours(rng, day);
            var id = MonthlyReport.IdOf(unit.Id, reportMonth);
            Ledger(at, id, new MonthlyReportSubmitted(id, unit.Id, name, $"{name}月度工作情况：受理、办理、回访情况汇总", Office, at, due));
        }
    }

    /// <summary>A case's whole lifecycle is decided when it is assigned; its events wait for their instants.</summary>
    private void Case(Random rng, DateOnly day)
    {
        var number = $"{day.Year}{++_caseSeq:D8}";
        var stream = DeterministicId.From("case", number);
        var n = 0;
        void Emit(string type, DateTimeOffset at, Guid? unit = null, Guid? person = null, DateTimeOffset? replyDue = null,
            DateTimeOffset? completionDue = null, string? result = null) =>
            Schedule(new CaseOp(at.AddSeconds(5 + rng.Next(115)), stream,
                new CaseFeedEvent($"{number}-{++n}", number, type, at, unit, person, replyDue, completionDue, result)));

        var t0 = OfficeHours(rng, day);
        var unit = plan.CaseUnit(rng);
        var person = rng.NextDouble() < 0.8 ? plan.MemberOn(rng, unit, day) : null;
        DateTimeOffset? replyDue = rng.NextDouble() < 0.6 ? t0.AddDays(3) : null;
        var completionDue = t0.AddDays(15);
        Emit("assigned", t0, plan.Units[unit].Id, person?.Id, replyDue, completionDue);
        var t = t0.AddMinutes(10 + rng.Next(230));
        Emit("signedFor", t);

        if (rng.NextDouble() < 0.03)
        {
            Emit("returned", t = t.AddHours(1 + rng.Next(23)));
            unit = plan.CaseUnit(rng);
            // The person is a member on the day of the reassignment itself, which may be the next day (a transfer).
            var reassignedAt = t.AddHours(1 + rng.Next(5));
            person = plan.MemberOn(rng, unit, OfficeCalendar.DateOf(reassignedAt));
            Emit("reassigned", t = reassignedAt, plan.Units[unit].Id, person?.Id);
            Emit("signedFor", t.AddMinutes(10 + rng.Next(110)));
        }

        var extended = rng.NextDouble() < 0.03;
        if (extended)
        {
            replyDue = replyDue?.AddDays(5);
            completionDue = completionDue.AddDays(10);
            var asked = t0.AddHours(20 + rng.Next(10));
            Emit("extensionRequested", asked);
            Emit("extensionGranted", asked.AddHours(4 + rng.Next(20)), replyDue: replyDue, completionDue: completionDue);
        }

        if (replyDue is { } due)
        {
            // A missed reply (a late one, or none) is deducted by the ledger itself when the deadline judge runs.
            var r = rng.NextDouble();
            if (r < 0.98) Emit("replied", t0.AddHours(12 + rng.Next(58)));
            else if (r < 0.99) Emit("replied", due.AddHours(1 + rng.Next(72)));
            else if (r < 0.995) Emit("explained", t0.AddHours(24 + rng.Next(36)));
        }

        if (rng.NextDouble() >= 0.96) return;
        var completed = rng.NextDouble() < 0.95 ? t0.AddHours(24 + rng.Next(13 * 24)) : t0.AddDays(15 + rng.Next(15));
        Emit("completed", completed);
        if (rng.NextDouble() < 0.9)
        {
            var visit = completed.AddHours(24 + rng.Next(96));
            var pick = rng.NextDouble();
            Emit("returnVisit", visit, result: pick < 0.80 ? "satisfied" : pick < 0.92 ? "basicallySatisfied" : pick < 0.97 ? "dissatisfied" : "unreached");
            if (rng.NextDouble() < 0.01)
            {
                Emit("reopened", visit.AddDays(2));
                Emit("completed", visit.AddDays(4 + rng.Next(5)));
            }
        }

        if (rng.NextDouble() < 0.15)
            Emit("onlineVote", completed.AddHours(24 + rng.Next(216)), result: rng.NextDouble() < 0.85 ? "satisfied" : "dissatisfied");
    }

    /// <summary>Facts are recorded up to a week after they occur, never before the first year.</summary>
    private DateOnly Occurred(Random rng, DateOnly day)
    {
        var occurred = day.AddDays(-rng.Next(8));
        var first = new DateOnly(plan.Scale.FirstYear, 1, 1);
        return occurred < first ? first : occurred;
    }

    /// <summary>An instant in the office's working day (08:30–17:30, Asia/Shanghai).</summary>
    private static DateTimeOffset OfficeHours(Random rng, DateOnly day) =>
        OfficeCalendar.EndOf(day.AddDays(-1)).AddSeconds(8.5 * 3600 + rng.Next(9 * 3600));

    /// <summary>08:00–08:30: a transfer is on record before anything is recorded about the person's first day.</summary>
    private static DateTimeOffset BeforeOfficeHours(Random rng, DateOnly day) =>
        OfficeCalendar.EndOf(day.AddDays(-1)).AddSeconds(8 * 3600 + rng.Next(1800));

    private static int Poisson(Random rng, double mean)
    {
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian(rng)));
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = rng.NextDouble(); p > limit; p *= rng.NextDouble()) k++;
        return k;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static byte[] RandomBytes(Random rng, int n)
    {
        var bytes = new byte[n];
        rng.NextBytes(bytes);
        return bytes;
    }
}
