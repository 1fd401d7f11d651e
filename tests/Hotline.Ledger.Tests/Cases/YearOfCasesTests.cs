using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// A year of one unit's 20 cases, fed through the API in two batches out of order, checked against
/// figures worked out by hand from ADR 0021 (rates) and ADR 0022 (points).
/// </summary>
public class YearOfCasesTests(CaseFeedApp app) : CaseFeedTest(app)
{
    private static readonly string[] Visits =
    [
        "satisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied", "satisfied",
        "basicallySatisfied", "basicallySatisfied", "basicallySatisfied", "basicallySatisfied",
        "dissatisfied", "dissatisfied", "dissatisfied", "unreached",
    ];

    /// <summary>
    /// Case i (1–20) is assigned on 1 March + (i−1) days at 09:00, reply due a day later; person one handles
    /// 1–10, person two 11–20. Replies come 2 h after assignment, except: 17 is granted two more days and
    /// replies after 36 h (on time), 19 replies after 48 h (late), 20 never replies. All but 20 are completed
    /// after 5 days; 1–18 are visited (10 satisfied, 4 basically, 3 dissatisfied, 1 unreached); 5 is
    /// reopened, completed again and visited again; 1–10 get an online vote each (8 satisfied).
    /// </summary>
    private static List<(int Case, char Kind, object Row)> Rows(int year, Guid unit, Guid one, Guid two)
    {
        var rows = new List<(int, char, object)>();
        for (var i = 1; i <= 20; i++)
        {
            var cn = $"XY{year}{i:D4}";
            var at = Local(year, 3, 1, 9).AddDays(i - 1);
            void Add(char kind, string suffix, string type, TimeSpan after, string? result = null, DateTimeOffset? replyDueAt = null) =>
                rows.Add((i, kind, Row($"{cn}-{suffix}", cn, type, at + after, result: result, replyDueAt: replyDueAt)));

            rows.Add((i, 'a', Row($"{cn}-a", cn, "assigned", at, unit, i <= 10 ? one : two, at.AddDays(1), at.AddDays(15))));
            Add('s', "s", "signedFor", TimeSpan.FromHours(1));
            if (i == 17)
            {
                Add('x', "x", "extensionGranted", TimeSpan.FromHours(3), replyDueAt: at.AddDays(3));
                Add('r', "r", "replied", TimeSpan.FromHours(36));
            }
            else if (i == 19) Add('r', "r", "replied", TimeSpan.FromHours(48));
            else if (i != 20) Add('r', "r", "replied", TimeSpan.FromHours(2));

            if (i != 20) Add('c', "c", "completed", TimeSpan.FromDays(5));
            if (i <= 18) Add('v', "v", "returnVisit", TimeSpan.FromHours(132), Visits[i - 1]);
            if (i == 5)
            {
                Add('o', "o", "reopened", TimeSpan.FromDays(6));
                Add('c', "c2", "completed", TimeSpan.FromDays(8));
                Add('v', "v2", "returnVisit", TimeSpan.FromDays(9), "satisfied");
            }

            if (i <= 10) Add('w', "w", "onlineVote", TimeSpan.FromDays(7), i <= 8 ? "satisfied" : "dissatisfied");
        }

        return rows;
    }

    private static void AssertRates(JsonElement r, int assigned, int completed, decimal? completionRate, int visited, decimal? returnVisitRate,
        decimal? satisfaction, int votes, decimal? onlineSatisfaction, int replyDue, int repliedOnTime, decimal? replyRate)
    {
        Assert.Equal(assigned, r.GetProperty("assigned").GetInt32());
        Assert.Equal(completed, r.GetProperty("completed").GetInt32());
        Assert.Equal(completionRate, Rate(r, "completionRate"));
        Assert.Equal(visited, r.GetProperty("completedVisited").GetInt32());
        Assert.Equal(returnVisitRate, Rate(r, "returnVisitRate"));
        Assert.Equal(satisfaction, Rate(r, "satisfaction"));
        Assert.Equal(votes, r.GetProperty("onlineVotes").GetInt32());
        Assert.Equal(onlineSatisfaction, Rate(r, "onlineSatisfaction"));
        Assert.Equal(replyDue, r.GetProperty("replyDue").GetInt32());
        Assert.Equal(repliedOnTime, r.GetProperty("repliedOnTime").GetInt32());
        Assert.Equal(replyRate, Rate(r, "replyRate"));
    }

    private static decimal? Rate(JsonElement r, string name) =>
        r.GetProperty(name).ValueKind == JsonValueKind.Null ? null : r.GetProperty(name).GetDecimal();

    private static JsonElement Criterion(JsonElement card, string clause) =>
        card.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("clause").GetString() == clause);

    [Fact]
    public async Task A_year_of_a_units_cases_gives_the_rates_and_points_the_rulebook_defines()
    {
        var year = Stage();
        var unit = await App.NewUnit("YEAR");
        var one = await App.NewPerson(unit, name: "甲");
        var two = await App.NewPerson(unit, name: "乙");
        var rows = Rows(year, unit, one, two);
        Assert.Equal(110, rows.Count);

        // Monthly reports go in on the 1st of the following month, except June's (one D3.3).
        async Task Report(int month)
        {
            var next = new DateOnly(year, month, 1).AddMonths(1);
            MoveTo(Local(next.Year, next.Month, 1, 10));
            if (month != 6) await App.Created($"/api/units/{unit}/monthly-reports", new { month = $"{year}-{month:D2}", summary = "本月办理情况" });
        }

        await Report(1);
        await Report(2);
        await Report(3);

        // Batch A on 1 April: everything but the assignments of cases 16–20 and the replies of cases 1–5.
        bool HeldBack((int Case, char Kind, object Row) r) => (r.Case >= 16 && r.Kind == 'a') || (r.Case <= 5 && r.Kind == 'r');
        var a = await Ingest(rows.Where(r => !HeldBack(r)).Select(r => r.Row).ToArray());
        Assert.Equal(100, a.GetProperty("accepted").GetInt32());
        Assert.Equal(0, a.GetProperty("duplicates").GetInt32());
        Assert.Empty(a.GetProperty("rejected").EnumerateArray());
        Assert.Equal(17, a.GetProperty("waitingForAssignment").GetInt32()); // the rows of cases 16–20, kept
        var knownAfterA = Uri.EscapeDataString(Iso(a.GetProperty("recordedAt").GetDateTimeOffset()));

        // Batch B half an hour later: the held-back rows, and three rows of batch A again.
        MoveTo(Local(year, 4, 1, 10, 30));
        var b = await Ingest(rows.Where(HeldBack).Concat(rows.Where(r => !HeldBack(r)).Take(3)).Select(r => r.Row).ToArray());
        Assert.Equal(10, b.GetProperty("accepted").GetInt32());
        Assert.Equal(3, b.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, b.GetProperty("waitingForAssignment").GetInt32());

        for (var m = 4; m <= 12; m++) await Report(m);
        MoveTo(Local(year + 1, 1, 10));
        await Judge();

        // The unit's year: 19/20 completed, 18/19 visited, (10 + 0.9×4)/17 satisfied, 8/10 votes, 18/20 replied on time.
        var rates = await App.Ok($"/api/units/{unit}/rates?year={year}");
        AssertRates(rates, 20, 19, 0.95m, 18, 0.9474m, 0.8m, 10, 0.8m, 20, 18, 0.9m);
        Assert.Equal(10, rates.GetProperty("satisfied").GetInt32());
        Assert.Equal(4, rates.GetProperty("basicallySatisfied").GetInt32());
        Assert.Equal(3, rates.GetProperty("dissatisfied").GetInt32());
        Assert.Equal(1, rates.GetProperty("unreached").GetInt32());

        // As the ledger stood after batch A: cases 16–20 waiting, cases 1–5 not yet replied.
        var thenKnown = await App.Ok($"/api/units/{unit}/rates?year={year}&knownAt={knownAfterA}");
        AssertRates(thenKnown, 15, 15, 1m, 15, 1m, 0.9067m, 10, 0.8m, 15, 10, 0.6667m);

        // As of 5 March: cases 1–5 assigned and replied, none completed yet.
        var early = await App.Ok($"/api/units/{unit}/rates?year={year}&asOf={year}-03-05");
        AssertRates(early, 5, 0, 0m, 0, null, null, 0, null, 5, 5, 1m);

        // Points: U4.1 = 5 + 5×(0.9474−0.85)/0.15 + 5×(0.8−0.7)/0.15 = 5 + 3.25 + 3.33; U4.2 = 10×(0.8−0.7)/0.15; U4.4 = 5×(0.9−0.85)/0.15.
        var card = await App.Ok($"/api/units/{unit}/score?year={year}");
        Assert.Equal(11.58m, Criterion(card, "U4.1").GetProperty("points").GetDecimal());
        Assert.Equal(6.67m, Criterion(card, "U4.2").GetProperty("points").GetDecimal());
        Assert.Equal(1.67m, Criterion(card, "U4.4").GetProperty("points").GetDecimal());
        Assert.Equal("computed", Criterion(card, "U4.1").GetProperty("source").GetString());
        Assert.Equal("mark", Criterion(card, "U4.5").GetProperty("source").GetString());
        var completion = Criterion(card, "U4.1").GetProperty("inputs")[0];
        Assert.Equal(("completionRate", 0.95m, 19m, 20m, 5m), (completion.GetProperty("input").GetString(), completion.GetProperty("value").GetDecimal(),
            completion.GetProperty("numerator").GetDecimal(), completion.GetProperty("denominator").GetDecimal(), completion.GetProperty("points").GetDecimal()));
        Assert.Equal(19.92m, card.GetProperty("criteriaTotal").GetDecimal());

        // The ledger's own deductions: D3.1 for case 19 (late reply) and 20 (none), D3.3 for June.
        Assert.Equal(-15m, card.GetProperty("deductionTotal").GetDecimal());
        Assert.Equal(4.92m, card.GetProperty("total").GetDecimal());
        var automatic = card.GetProperty("entries").EnumerateArray().ToList();
        Assert.All(automatic, e => Assert.True(e.GetProperty("automatic").GetBoolean()));
        Assert.Equal([$"XY{year}0019", $"XY{year}0020"], automatic.Where(e => e.GetProperty("clause").GetString() == "D3.1")
            .Select(e => e.GetProperty("caseNumber").GetString()).Order());
        Assert.Equal($"{year}-06", automatic.Single(e => e.GetProperty("clause").GetString() == "D3.3").GetProperty("month").GetString());

        // The people: one completed and replied everything (I6 30); two completed 9/10 (10 of 15) and replied 8/10 (below the floor).
        var first = await App.Ok($"/api/people/{one}/score?year={year}");
        Assert.Equal(30m, Criterion(first, "I6").GetProperty("points").GetDecimal());
        Assert.Equal(10m, Criterion(first, "I7").GetProperty("points").GetDecimal());
        var second = await App.Ok($"/api/people/{two}/score?year={year}");
        Assert.Equal(10m, Criterion(second, "I6").GetProperty("points").GetDecimal());
        AssertRates(await App.Ok($"/api/people/{two}/rates?year={year}"), 10, 9, 0.9m, 8, 0.8889m, 0.5143m, 0, null, 10, 8, 0.8m); // 3.6 / 7
    }
}
