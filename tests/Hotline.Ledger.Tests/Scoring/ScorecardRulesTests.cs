using Hotline.Ledger.Cases;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Kernel;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.Tests.Scoring;

/// <summary>Pure rules of the scorecard, without a database.</summary>
[Trait("Category", "Domain")]
public class ScorecardRulesTests
{
    private static readonly Rulebook Book = RulebookLoader.LoadBuiltIn().Single();
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2021, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly ScoreQuery EndOf2020 = new(2020, new DateOnly(2020, 12, 31), T0.AddDays(30));

    private static Mark I8(string scorer, decimal points, int minutes) => new()
    {
        Id = Guid.CreateVersion7(), Year = 2020, Clause = "I8", SubjectKind = SubjectKind.Person, SubjectId = Person,
        Points = points, Scorer = scorer, MarkedOn = new DateOnly(2020, 12, 31), RecordedAt = T0.AddMinutes(minutes),
    };

    private static Scorecard Card(IEnumerable<Mark> marks, Rulebook? book = null, IEnumerable<Entry>? entries = null, CaseCounts? cases = null) =>
        Scorecards.Compute(book ?? Book, SubjectKind.Person, new ScoreSubject("person", Person, "张三", null), EndOf2020, entries ?? [], marks, cases);

    [Fact]
    public void I8_is_the_mean_of_each_office_scorers_latest_mark()
    {
        var card = Card([I8("王", 6, 1), I8("李", 9, 2), I8("王", 8, 3), I8("赵", 10, 4)]);
        // 王's latest is 8: (8 + 9 + 10) / 3 = 9
        Assert.Equal(9m, card.Criteria.Single(c => c.Clause == "I8").Points);
    }

    [Fact]
    public void I8_is_rounded_to_two_decimals()
    {
        var card = Card([I8("王", 7, 1), I8("李", 8, 2), I8("赵", 8, 3)]);
        Assert.Equal(7.67m, card.Criteria.Single(c => c.Clause == "I8").Points);
    }

    [Fact]
    public void An_optional_ceiling_and_floor_bound_the_total_when_a_rulebook_sets_them()
    {
        var bonus = Enumerable.Range(0, 3).Select(i => new Entry
        {
            Id = Guid.NewGuid(), Clause = "B2.3", UnitId = Guid.NewGuid(), PersonId = Person, OccurredOn = new DateOnly(2020, 5, 1),
            Year = 2020, Points = 5, RecordedAt = T0,
        }).ToList();
        // I6 and I7 are computed: full case rates give I6 its 30, no complaint gives I7 its 10.
        var cases = new CaseCounts(Assigned: 1, Completed: 1, ReplyDue: 1, RepliedOnTime: 1);
        var marks = new[] { "I1", "I2", "I3", "I4", "I5" }.Select(c => new Mark
        {
            Id = Guid.NewGuid(), Year = 2020, Clause = c, SubjectKind = SubjectKind.Person, SubjectId = Person,
            Points = Book.Find(c)!.MaxMagnitude, Scorer = "王", MarkedOn = new DateOnly(2020, 12, 31), RecordedAt = T0,
        }).Append(I8("王", 10, 1)).ToList();

        Assert.Equal(115m, Card(marks, entries: bonus, cases: cases).Total);
        Assert.Equal(100m, Card(marks, Book with { TotalCeiling = 100 }, bonus, cases).Total);
    }
}
