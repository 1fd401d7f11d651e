using System.Text.Json.Nodes;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Tests.Rulebooks;

[Trait("Category", "Domain")]
public class RulebookLoaderTests
{
    private static readonly string[] AllCodes =
    [
        "U1", "U1.1", "U1.2", "U2", "U2.1", "U2.2", "U2.3", "U2.4", "U3", "U3.1", "U3.2",
        "U4", "U4.1", "U4.2", "U4.3", "U4.4", "U4.5",
        "I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8",
        "B1", "B2.1", "B2.2", "B2.3", "B3", "B4",
        "D1", "D2", "D3.1", "D3.2", "D3.3",
    ];

    private static Rulebook Builtin => RulebookLoader.LoadBuiltIn().Single(r => r.Id == "xinyang-2019");

    [Fact]
    public void The_built_in_rulebook_carries_every_clause_of_the_measures()
    {
        Assert.Equal(AllCodes.Order(), Builtin.Clauses.Select(c => c.Code).Order());
        Assert.Equal(new DateOnly(2019, 12, 20), Builtin.EffectiveFrom);
    }

    [Theory]
    [InlineData("B1", ClauseKind.Bonus, AppliesTo.Both, 2, Frequency.Each)]
    [InlineData("B3", ClauseKind.Bonus, AppliesTo.Both, 6, Frequency.OncePerYear)]
    [InlineData("D3.2", ClauseKind.Deduction, AppliesTo.Unit, 10, Frequency.Each)]
    [InlineData("D3.3", ClauseKind.Deduction, AppliesTo.Unit, 5, Frequency.Each)]
    public void Fixed_clauses_have_the_points_of_the_measures(string code, ClauseKind kind, AppliesTo appliesTo, int points, Frequency frequency)
    {
        var clause = Builtin.Find(code)!;
        Assert.Equal((kind, appliesTo, (decimal?)points, (Frequency?)frequency), (clause.Kind, clause.AppliesTo, clause.Points, clause.Frequency));
    }

    [Theory]
    [InlineData("B4", 5, 10)]
    [InlineData("D1", 5, 10)]
    [InlineData("D2", 5, 10)]
    public void Ranged_clauses_have_their_range(string code, int min, int max)
    {
        var clause = Builtin.Find(code)!;
        Assert.Equal((min, max), ((int)clause.MinPoints!, (int)clause.MaxPoints!));
        Assert.Null(clause.Points);
    }

    [Fact]
    public void Unit_and_individual_criteria_each_sum_to_100()
    {
        Assert.Equal(100m, Builtin.ScoredCriteria(SubjectKind.Unit).Sum(c => c.Points));
        Assert.Equal(100m, Builtin.ScoredCriteria(SubjectKind.Person).Sum(c => c.Points));
    }

    private static string Mutate(Action<JsonObject> change)
    {
        using var stream = typeof(RulebookLoader).Assembly.GetManifestResourceStream(
            typeof(RulebookLoader).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("xinyang-2019.json")))!;
        var json = JsonNode.Parse(stream)!.AsObject();
        change(json);
        return json.ToJsonString();
    }

    private static JsonObject ClauseOf(JsonObject book, string code) =>
        book["clauses"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string)c["code"]! == code);

    [Fact]
    public void A_rulebook_whose_unit_criteria_do_not_sum_to_100_is_refused_naming_the_sum()
    {
        var json = Mutate(b => { ClauseOf(b, "U1.1")["points"] = 9; ClauseOf(b, "U1")["points"] = 19; });
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(json));
        Assert.Contains("unit criteria sum to 99", ex.Message);
    }

    [Fact]
    public void A_rulebook_with_a_duplicated_code_is_refused_naming_the_code()
    {
        var json = Mutate(b => ClauseOf(b, "B2.2")["code"] = "B2.1");
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(json));
        Assert.Contains("'B2.1' appears 2 times", ex.Message);
    }

    [Fact]
    public void A_heading_whose_parts_do_not_add_up_is_refused()
    {
        var json = Mutate(b => { ClauseOf(b, "U2.1")["points"] = 5; ClauseOf(b, "U2.2")["points"] = 3; ClauseOf(b, "U2")["points"] = 21; });
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(json));
        Assert.Contains("'U2' is worth 21 but its parts sum to 20", ex.Message);
    }

    [Fact]
    public void A_clause_with_both_fixed_points_and_a_range_is_refused()
    {
        var json = Mutate(b => ClauseOf(b, "D1")["points"] = 5);
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(json));
        Assert.Contains("'D1' must have either fixed points or a range", ex.Message);
    }

    [Fact]
    public void A_bonus_without_frequency_is_refused()
    {
        var json = Mutate(b => ClauseOf(b, "B3").Remove("frequency"));
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(json));
        Assert.Contains("'B3' has no frequency", ex.Message);
    }

    [Fact]
    public void Text_that_is_not_a_rulebook_is_refused()
    {
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse("{\"id\": \"x\", \"clauses\": 3}"));
        Assert.Contains("not valid rulebook JSON", ex.Message);
    }

    [Fact]
    public void The_catalog_finds_the_rulebook_in_force_on_a_date()
    {
        var revised = Builtin with { Id = "xinyang-2023", EffectiveFrom = new DateOnly(2023, 1, 1) };
        var catalog = new RulebookCatalog([revised, Builtin]);
        Assert.Null(catalog.InForceOn(new DateOnly(2019, 12, 19)));
        Assert.Equal("xinyang-2019", catalog.InForceOn(new DateOnly(2019, 12, 20))!.Id);
        Assert.Equal("xinyang-2019", catalog.InForceOn(new DateOnly(2022, 12, 31))!.Id);
        Assert.Equal("xinyang-2023", catalog.InForceOn(new DateOnly(2023, 1, 1))!.Id);
    }

    private static JsonObject Part(JsonObject book, string code, int index = 0) =>
        ClauseOf(book, code)["scoring"]!["parts"]![index]!.AsObject();

    [Theory]
    [InlineData("U4.1", "completionRate", 5)]
    [InlineData("U4.2", "onlineSatisfaction", 10)]
    [InlineData("U4.4", "replyRate", 5)]
    [InlineData("I6", "completionRate", 15)]
    [InlineData("I7", "entries", 10)]
    public void Computed_criteria_carry_their_scoring_functions(string code, string input, int points)
    {
        var clause = Builtin.Find(code)!;
        Assert.True(clause.IsComputed);
        Assert.Equal((input, (decimal)points), (clause.Scoring!.Parts[0].Input, clause.Scoring.Parts[0].Points));
        Assert.Equal(clause.Points, clause.Scoring.Parts.Sum(p => p.Points));
        Assert.Equal(new CaseFeedRules(0.9m, 5), Builtin.CaseFeed);
    }

    [Theory]
    [InlineData(0.80, 0.0)]
    [InlineData(0.875, 2.5)]
    [InlineData(0.93, 4.33)]
    [InlineData(0.95, 5.0)]
    [InlineData(1.0, 5.0)]
    public void The_default_function_is_linear_between_the_floor_and_the_target(double rate, double points) =>
        Assert.Equal((decimal)points, Builtin.Find("U4.1")!.Scoring!.Parts[0].Function.Points((decimal)rate, 5));

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 5)]
    [InlineData(2, 0)]
    public void I7_steps_down_with_each_complaint(int complaints, int points) =>
        Assert.Equal(points, Builtin.Find("I7")!.Scoring!.Parts[0].Function.Points(complaints, 10));

    [Theory]
    [InlineData("parts sum", "the scoring parts of 'U4.1' give 16 points but the clause is worth 15")]
    [InlineData("unknown input", "unknown input")]
    [InlineData("floor above target", "the floor 0.99 must lie below the target 0.95")]
    [InlineData("rate target above 1", "rates run from 0 to 1")]
    [InlineData("steps worst first", "steps must be listed best first")]
    [InlineData("entries of a criterion", "which is a criterion")]
    [InlineData("scoring without source", "has a scoring but no computedFrom")]
    [InlineData("source without scoring", "is computed from cases but has no scoring")]
    [InlineData("no case feed settings", "no caseFeed settings")]
    [InlineData("due day 31", "monthlyReportDueDay is 31")]
    [InlineData("unknown field", "not valid rulebook JSON")]
    public void A_rulebook_with_a_bad_scoring_is_refused_naming_the_fault(string fault, string message)
    {
        var json = Mutate(b =>
        {
            switch (fault)
            {
                case "parts sum": Part(b, "U4.1")["points"] = 6; break;
                case "unknown input": Part(b, "U4.2")["input"] = "happiness"; break;
                case "floor above target": Part(b, "U4.1")["function"]!["floor"] = 0.99; break;
                case "rate target above 1": Part(b, "U4.4")["function"]!["target"] = 1.5; break;
                case "steps worst first": Part(b, "I7")["function"]!["steps"] = JsonNode.Parse("""[{"atMost": 1, "points": 5}, {"atMost": 0, "points": 10}]"""); break;
                case "entries of a criterion": Part(b, "I7")["clauses"] = JsonNode.Parse("""["I1"]"""); break;
                case "scoring without source": ClauseOf(b, "U4.2").Remove("computedFrom"); break;
                case "source without scoring": ClauseOf(b, "U4.2").Remove("scoring"); break;
                case "no case feed settings": b.Remove("caseFeed"); break;
                case "due day 31": b["caseFeed"]!["monthlyReportDueDay"] = 31; break;
                case "unknown field": Part(b, "U4.1")["function"]!["ceiling"] = 1; break;
            }
        });
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(json));
        Assert.Contains(message, ex.Message);
    }
}
