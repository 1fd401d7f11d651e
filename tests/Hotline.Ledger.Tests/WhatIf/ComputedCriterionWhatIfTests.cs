using Hotline.Ledger.Tests.Support;
using static Hotline.Ledger.Tests.WhatIf.Drafting;

namespace Hotline.Ledger.Tests.WhatIf;

/// <summary>A draft that moves a computed criterion's target, on a year of real cases fed through the API.</summary>
public class ComputedCriterionWhatIfTests(CaseFeedApp app) : CaseFeedTest(app)
{
    [Fact]
    public async Task Moving_U4_1s_completion_target_moves_the_criterion_as_its_linear_function_says()
    {
        var year = Stage();
        var unit = await App.NewUnit($"WU{year}");
        MoveTo(Local(year, 5, 1, 10));
        var rows = new List<object>();
        for (var i = 1; i <= 10; i++)
        {
            var cn = $"WI{year}{i:D3}";
            var at = Local(year, 3, i, 9);
            rows.Add(Row($"{cn}-a", cn, "assigned", at, unit));
            if (i <= 9) rows.Add(Row($"{cn}-c", cn, "completed", at.AddDays(5)));
        }

        await Ingest(rows.ToArray());
        // U4.1's completion part: 5 points, linear from 0.80 (nothing) to the target (all).
        var draft = await Draft(App, book =>
        {
            Clause(book, "U4.1")["scoring"]!["parts"]![0]!["function"]!["target"] = 0.90m;
            return book;
        });

        var whatIf = await App.Ok($"/api/what-if?draft={draft}&year={year}&asOf={year}-04-30");
        var row = Unit(whatIf, unit);
        // 9 of 10 completed: 0.9. Target 0.95: 5 × (0.90 − 0.80) / (0.95 − 0.80) = 3.33; target 0.90: all 5.
        // No visits and no votes: the other parts give nothing under either rulebook.
        Assert.Equal([("U4.1", 3.33m, 5m, "changed")], Causes(row));
        Assert.Equal(1.67m, Delta(row));

        var card = await App.Ok($"/api/units/{unit}/score?year={year}&asOf={year}-04-30&rulebook=draft:{draft}");
        var u41 = card.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("clause").GetString() == "U4.1");
        Assert.Equal(5m, u41.GetProperty("points").GetDecimal());
    }
}
