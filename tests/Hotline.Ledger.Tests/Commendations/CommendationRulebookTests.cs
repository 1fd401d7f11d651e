using System.Text.Json.Nodes;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>The rulebook's commendation and accountability sections: the built-in values, and the loader refusing bad ones.</summary>
[Trait("Category", "Domain")]
public class CommendationRulebookTests
{
    private static Rulebook Builtin => RulebookLoader.LoadBuiltIn().Single(r => r.Id == "xinyang-2019");

    [Fact]
    public void The_built_in_rulebook_carries_eligibility_and_accountability()
    {
        var c = Builtin.Commendation!;
        Assert.Equal(2, c.NominationsPerUnitOrDefault());
        Assert.Equal((90m, "优秀", "D2 D3.2"), (c.Units!.MinTotal, c.Units.MinGrade, string.Join(' ', c.Units.BarredBy!)));
        Assert.Equal((90m, "优秀", "D1 D2"), (c.People!.MinTotal, c.People.MinGrade, string.Join(' ', c.People.BarredBy!)));
        Assert.Equal(("D2 D3.2", 20m), (string.Join(' ', Builtin.Accountability!.Clauses!), Builtin.Accountability.DeductionThreshold));
        Assert.Equal(["优秀", "良好"], Builtin.GradesReaching("良好"));
    }

    [Theory]
    [InlineData("commendation.nominationsPerUnit", "0", "commendation.nominationsPerUnit is 0")]
    [InlineData("commendation.units.minGrade", "\"卓越\"", "commendation.units.minGrade names '卓越', which is not one of the grades")]
    [InlineData("commendation.people.minTotal", "-1", "commendation.people.minTotal is -1")]
    [InlineData("commendation.units.barredBy", "[\"D9\"]", "commendation.units.barredBy names 'D9', which is not a clause")]
    [InlineData("commendation.people.barredBy", "[\"B1\"]", "names 'B1', which is a bonus, not a deduction")]
    [InlineData("commendation.units.barredBy", "[\"D2\", \"D2\"]", "commendation.units.barredBy names 'D2' 2 times")]
    [InlineData("accountability.clauses", "[\"U1.1\"]", "accountability.clauses names 'U1.1', which is a criterion, not a deduction")]
    [InlineData("accountability.deductionThreshold", "0", "accountability.deductionThreshold is 0")]
    [InlineData("accountability", "{}", "accountability names neither clauses nor a deductionThreshold")]
    [InlineData("commendation.units.strictness", "1", "not valid rulebook JSON")]
    public void A_bad_commendation_or_accountability_section_is_refused_naming_the_fault(string path, string value, string fault)
    {
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(Mutate(path, value)));
        Assert.Contains(fault, ex.Message);
    }

    [Fact]
    public void A_minimum_grade_needs_grades()
    {
        var json = JsonNode.Parse(Original())!.AsObject();
        json.Remove("grades");
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(json.ToJsonString()));
        Assert.Contains("commendation.units.minGrade names '优秀', but the rulebook has no grades", ex.Message);
    }

    [Fact]
    public void A_rulebook_without_the_sections_loads_and_restricts_nothing()
    {
        var json = JsonNode.Parse(Original())!.AsObject();
        json.Remove("commendation");
        json.Remove("accountability");
        var book = RulebookLoader.Parse(json.ToJsonString());
        Assert.Null(book.Commendation);
        Assert.Null(book.Accountability);
    }

    private static string Original()
    {
        var assembly = typeof(RulebookLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("xinyang-2019.json")))!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The built-in rulebook with the value at a dotted path replaced.</summary>
    private static string Mutate(string path, string value)
    {
        var json = JsonNode.Parse(Original())!.AsObject();
        var parts = path.Split('.');
        var node = json;
        foreach (var part in parts[..^1]) node = node[part]!.AsObject();
        node[parts[^1]] = JsonNode.Parse(value);
        return json.ToJsonString();
    }
}
