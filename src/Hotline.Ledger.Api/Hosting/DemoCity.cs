using Hotline.Ledger.Ledger.Entries;
using Hotline.Ledger.Ledger.Marks;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Marten;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// With --demo, a small city to look at: a few units, their people, entries and marks for 2020.
/// Seeded once (only into an empty ledger), through the same events the API appends.
/// </summary>
public sealed class DemoCity(IDocumentStore store, RulebookCatalog rulebooks, ILogger<DemoCity> log) : IHostedService
{
    private static readonly (string Code, string Name)[] Units =
    [
        ("ZJJ", "市住房和城乡建设局"), ("JTJ", "市交通运输局"), ("SWJ", "市水利局"), ("PHQ", "平桥区人民政府"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Unit>().AnyAsync(cancellationToken)) return;

        const string demo = "demo";
        var book = rulebooks.InForceOn(new DateOnly(2020, 1, 1))!;
        var unitIds = new List<Guid>();
        foreach (var (code, name) in Units)
        {
            var id = Guid.CreateVersion7();
            unitIds.Add(id);
            session.Events.StartStream<Unit>(id, new UnitRegistered(id, code, name, demo));
        }

        var people = new List<(Guid Id, Guid Unit)>();
        foreach (var (name, unit) in new[] { ("张伟", 0), ("王芳", 0), ("李娜", 1), ("刘洋", 2), ("陈静", 3), ("杨磊", 3) })
        {
            var id = Guid.CreateVersion7();
            people.Add((id, unitIds[unit]));
            session.Events.StartStream<Person>(id, new PersonRegistered(id, name, unitIds[unit], new DateOnly(2020, 1, 1), demo));
        }

        void Entry(string clause, int person, string date, decimal magnitude, string reason)
        {
            var (personId, unitId) = people[person];
            var c = book.Find(clause)!;
            var id = Guid.CreateVersion7();
            EntryBook.Record(session, c, new EntryRecorded(id, book.Id, clause, unitId, c.Credits(SubjectKind.Person) ? personId : null,
                DateOnly.Parse(date), c.Signed(magnitude), reason, [], null, demo));
        }

        Entry("B2.1", 0, "2020-03-12", 2, "市民来电致谢：及时处理小区漏水");
        Entry("B2.2", 2, "2020-04-20", 3, "群众来信表扬：道路修复迅速");
        Entry("D1", 3, "2020-05-08", 6, "河道清淤拖延，群众投诉");
        Entry("B1", 4, "2020-06-02", 2, "舆情信息被市长热线办公室采用");
        Entry("D3.2", 5, "2020-06-18", 10, "虚报办理结果");
        Entry("B4", 1, "2020-12-15", 8, "创新“接诉即办”工作法");

        foreach (var (unit, i) in unitIds.Select((u, i) => (u, i)))
        {
            foreach (var criterion in book.ScoredCriteria(SubjectKind.Unit))
            {
                var id = Guid.CreateVersion7();
                var points = Math.Round(criterion.MaxMagnitude * (0.7m + 0.07m * i), 1);
                session.Events.StartStream<Mark>(id, new MarkRecorded(id, book.Id, 2020, criterion.Code, SubjectKind.Unit, unit,
                    Math.Min(points, criterion.MaxMagnitude), "年度评分（演示）", demo, new DateOnly(2020, 12, 31)));
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        log.LogInformation("Seeded the demo city: {Units} units, {People} people", unitIds.Count, people.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
