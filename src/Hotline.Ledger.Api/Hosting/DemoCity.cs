using Hotline.Ledger.Approvals;
using System.Globalization;
using System.Security.Claims;
using Hotline.Ledger.Appeals;
using Hotline.Ledger.Cases.Feed;
using Hotline.Ledger.Evaluation.Circulars;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Http;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Marten;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// With --demo, a city worth opening: four units and their staff; a year (2020) of case-feed rows, so that the
/// computed criteria (U4.1, U4.2, U4.4, I6) have values; marks, bonuses and deductions; every monthly report; the
/// issued half-year circular; the year-end evaluation submitted and awaiting a leader's approval; and a pending appeal.
/// Seeded once, into an empty ledger only, when the application has started (the case feed needs Wolverine running),
/// through the same code the API runs: the endpoints' own methods and the case feed.
/// </summary>
public sealed class DemoCity(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DemoCity> log) : IHostedService
{
    public const string Office = "演示办公室";
    public const int Year = 2020;

    private static readonly (string Code, string Name)[] Units =
    [
        ("ZJJ", "市住房和城乡建设局"), ("JTJ", "市交通运输局"), ("SWJ", "市水利局"), ("PHQ", "平桥区人民政府"),
    ];

    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the demo city is in the ledger (or was there already); faults if seeding failed.</summary>
    public Task Seeded => _seeded.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await Seed(lifetime.ApplicationStopping);
                _seeded.TrySetResult();
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The demo city could not be seeded");
                _seeded.TrySetException(ex);
            }
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task Seed(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var store = sp.GetRequiredService<IDocumentStore>();
        var rulebooks = sp.GetRequiredService<RulebookCatalog>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var http = OfficeRequest(sp);

        await using (var probe = store.QuerySession())
            if (await probe.Query<Unit>().AnyAsync(ct)) return;

        var book = rulebooks.InForceOn(new DateOnly(Year, 1, 1))!;
        var (unitIds, people) = await Registry(store, book, ct);

        // A year of cases through the feed: rates differ from unit to unit, a few replies come late (D3.1).
        var rows = CaseRows(unitIds, people).ToList();
        var answer = await sp.GetRequiredService<CaseFeed>().Ingest(rows, Office, ct);
        log.LogInformation("Demo case feed: {Accepted} rows accepted", answer.Accepted);

        foreach (var unit in unitIds)
        for (var month = 1; month <= 12; month++)
        {
            await using var session = store.LightweightSession();
            var (_, submitted) = SubmitMonthlyReportEndpoint.Post(unit, new SubmitMonthlyReport($"{Year}-{month:00}", $"{month}月份市长热线工作情况通报（演示）"),
                rulebooks, clock, http);
            submitted.Execute(session);
            await session.SaveChangesAsync(ct);
        }

        await using (var session = store.LightweightSession())
        {
            // The endpoint's own load and decision, its Marten operations applied here.
            var command = new IssueCircular(Year, new DateOnly(Year, 6, 30), null);
            var issuing = await IssueCircularEndpoint.LoadAsync(command, session, rulebooks, clock);
            var (_, stream, sheet) = IssueCircularEndpoint.Post(command, issuing, http);
            stream.Execute(session);
            sheet.Execute(session);
            await session.SaveChangesAsync(ct);
        }

        var evaluationId = await SubmittedEvaluation(store, rulebooks, clock, http, ct);

        // Filed after submission: the evaluation waits for a leader, and the appeal for the office's decision.
        await using (var session = store.LightweightSession())
        {
            var contested = await session.Query<Entry>().Where(e => e.Clause == "D1").Select(e => e.Id).FirstAsync(ct);
            var appeal = new FileAppeal(contested, null, null, null, "该问题已于当月整改到位，群众投诉系误解，申请复核扣分。",
                [new EvidenceItem("整改情况说明", "ZJJ-2020-ZG-017", null)]);
            var (filed, _) = await FileAppealEndpoint.LoadAsync(appeal, session, rulebooks, clock, http, services.GetRequiredService<IApprovedYears>());
            var (_, start) = FileAppealEndpoint.Post(appeal, filed ?? throw new InvalidOperationException("The demo appeal was refused."));
            start.Execute(session);
            await session.SaveChangesAsync(ct);
        }

        log.LogInformation("Seeded the demo city: {Units} units, {People} people, {Rows} case rows, evaluation {Evaluation} awaiting approval",
            unitIds.Count, people.Count, rows.Count, evaluationId);
    }

    private static async Task<(List<Guid> Units, List<(Guid Id, Guid Unit)> People)> Registry(IDocumentStore store, Rulebook book, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var unitIds = new List<Guid>();
        foreach (var (code, name) in Units)
        {
            var id = Guid.CreateVersion7();
            unitIds.Add(id);
            session.Events.StartStream<Unit>(id, new UnitRegistered(id, code, name, Office));
        }

        var people = new List<(Guid Id, Guid Unit)>();
        foreach (var (name, unit) in new[] { ("张伟", 0), ("王芳", 0), ("李娜", 1), ("刘洋", 2), ("陈静", 3), ("杨磊", 3) })
        {
            var id = Guid.CreateVersion7();
            people.Add((id, unitIds[unit]));
            session.Events.StartStream<Person>(id, new PersonRegistered(id, name, unitIds[unit], new DateOnly(Year - 1, 12, 20), Office));
        }

        void Entry(string clause, int person, string date, decimal magnitude, string reason, string? caseNumber = null)
        {
            var (personId, unitId) = people[person];
            var c = book.Find(clause)!;
            var id = Guid.CreateVersion7();
            EntryBook.Record(session, c, new EntryRecorded(id, book.Id, clause, unitId, c.Credits(SubjectKind.Person) ? personId : null,
                DateOnly.Parse(date, CultureInfo.InvariantCulture), c.Signed(magnitude), reason, [], caseNumber, Office));
        }

        Entry("B2.1", 0, "2020-03-12", 2, "市民来电致谢：及时处理小区漏水");
        Entry("B2.2", 2, "2020-04-20", 3, "群众来信表扬：道路修复迅速");
        Entry("D1", 1, "2020-05-08", 6, "小区供暖问题拖延不办，群众投诉", "XY-2020-01019");
        Entry("B1", 4, "2020-06-02", 2, "舆情信息被市长热线办公室采用");
        Entry("D3.2", 5, "2020-06-18", 10, "虚报办理结果");
        Entry("B4", 1, "2020-12-15", 8, "创新“接诉即办”工作法");

        void Mark(Clause criterion, SubjectKind kind, Guid subject, decimal share)
        {
            var id = Guid.CreateVersion7();
            var points = Math.Min(Math.Round(criterion.MaxMagnitude * share, 1), criterion.MaxMagnitude);
            session.Events.StartStream<Mark>(id, new MarkRecorded(id, book.Id, Year, criterion.Code, kind, subject,
                points, "年度评分（演示）", Office, new DateOnly(Year, 12, 31)));
        }

        foreach (var (unit, i) in unitIds.Select((u, i) => (u, i)))
        foreach (var criterion in book.ScoredCriteria(SubjectKind.Unit).Where(c => !c.IsComputed))
            Mark(criterion, SubjectKind.Unit, unit, 0.75m + 0.07m * i);
        foreach (var (person, i) in people.Select((p, i) => (p.Id, i)))
        foreach (var criterion in book.ScoredCriteria(SubjectKind.Person).Where(c => !c.IsComputed))
            Mark(criterion, SubjectKind.Person, person, 0.8m + 0.03m * i);

        await session.SaveChangesAsync(ct);
        return (unitIds, people);
    }

    /// <summary>Four cases a month per unit, each assigned to one of its staff, replied, completed, visited and voted on.</summary>
    private static IEnumerable<CaseEventRow?> CaseRows(List<Guid> units, List<(Guid Id, Guid Unit)> people)
    {
        var zone = TimeSpan.FromHours(8);
        string At(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        for (var u = 0; u < units.Count; u++)
        {
            var staff = people.Where(p => p.Unit == units[u]).Select(p => p.Id).ToList();
            for (var month = 1; month <= 12; month++)
            for (var n = 0; n < 4; n++)
            {
                var k = (month - 1) * 4 + n;
                var number = $"XY-{Year}-{u + 1:00}{k:000}";
                var assigned = new DateTimeOffset(Year, month, 3 + n * 6, 9, 0, 0, zone);
                var person = staff[k % staff.Count];
                string Id(string step) => $"demo-{number}-{step}";
                yield return new CaseEventRow(Id("a"), number, "assigned", At(assigned), units[u].ToString(), person.ToString(),
                    At(assigned.AddDays(5)), At(assigned.AddDays(15)));
                // The weaker units reply late now and then (the ledger records D3.1 by itself) and complete less.
                var late = u >= 2 && k % (u == 3 ? 9 : 16) == 5;
                yield return new CaseEventRow(Id("r"), number, "replied", At(assigned.AddDays(late ? 7 : 2)));
                if ((k + 1) % (8 - u) == 0) continue; // not completed
                yield return new CaseEventRow(Id("c"), number, "completed", At(assigned.AddDays(10)));
                var visit = ((k + u) % 10) switch { < 7 => "satisfied", < 9 => "basicallySatisfied", _ => "dissatisfied" };
                yield return new CaseEventRow(Id("v"), number, "returnVisit", At(assigned.AddDays(12)), Result: visit);
                if (k % 3 == 0)
                    yield return new CaseEventRow(Id("o"), number, "onlineVote", At(assigned.AddDays(14)), Result: (k + u) % 7 == 0 ? "dissatisfied" : "satisfied");
            }
        }
    }

    /// <summary>
    /// Drafted and submitted, by the endpoints' own rules (<see cref="StepFacts"/>, <see cref="EvaluationSteps"/>); computed
    /// again if the ledger moved in between (the deadline judge may record meanwhile).
    /// </summary>
    private static async Task<Guid> SubmittedEvaluation(IDocumentStore store, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var actor = RequestActor.Of(http);
        var id = Guid.CreateVersion7();
        await using (var session = store.LightweightSession())
        {
            var sheet = (await YearEndEvaluations.Compute(session, rulebooks, Year, clock))!;
            session.Insert(sheet);
            session.Events.StartStream<YearEndEvaluation>(id, new EvaluationDrafted(id, Year, YearEndEvaluations.Computed(sheet), actor));
            await session.SaveChangesAsync(ct);
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await using var session = store.LightweightSession();
            var evaluation = (await session.LoadAsync<YearEndEvaluation>(id, ct))!;
            if (evaluation.Status is not (ApprovalStatus.Draft or ApprovalStatus.Returned)) break;
            var facts = await StepFacts.Gather(session, rulebooks, evaluation, EvaluationSteps.Step.Submit);
            if (EvaluationSteps.Refusal(evaluation, EvaluationSteps.Step.Submit, facts) is null)
            {
                // The demo marks only some criteria: the office goes on with an explicit, recorded override.
                var reason = facts.Missing.Complete ? null : "演示数据：部分指标未评分";
                session.Events.Append(id, new EvaluationSubmitted(id, actor, reason, reason is null ? null : facts.Missing));
            }
            else
            {
                var sheet = (await YearEndEvaluations.Compute(session, rulebooks, Year, clock))!;
                session.Insert(sheet);
                session.Events.Append(id, new EvaluationRecomputed(id, YearEndEvaluations.Computed(sheet), actor));
            }

            await session.SaveChangesAsync(ct);
        }

        return id;
    }

    /// <summary>The office's desk as the endpoints see a request: an authenticated office user named <see cref="Office"/>.</summary>
    private static HttpContext OfficeRequest(IServiceProvider services) => new DefaultHttpContext
    {
        RequestServices = services,
        User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(HotlineClaims.Name, Office), new Claim(HotlineClaims.Role, Roles.Office)], "demo", HotlineClaims.Name, HotlineClaims.Role)),
    };
}
