using System.Text.Json.Nodes;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Tests.Evaluation;

[Trait("Category", "Domain")]
public class GradeBandTests
{
    private static Rulebook Builtin => RulebookLoader.LoadBuiltIn().Single(r => r.Id == "xinyang-2019");

    [Theory]
    [InlineData(120, "优秀")]
    [InlineData(90, "优秀")]
    [InlineData(89.99, "良好")]
    [InlineData(80, "良好")]
    [InlineData(79.5, "合格")]
    [InlineData(60, "合格")]
    [InlineData(59.99, "不合格")]
    [InlineData(-12, "不合格")]
    public void The_built_in_bands_grade_a_total_as_the_office_would(decimal total, string grade) =>
        Assert.Equal(grade, Builtin.GradeOf(total));

    [Fact]
    public void The_built_in_rulebook_keeps_appeals_open_for_15_days() =>
        Assert.Equal(15, Builtin.AppealWindowOrDefault());

    private static string Mutate(Action<JsonObject> change)
    {
        var assembly = typeof(RulebookLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("xinyang-2019.json")))!;
        var json = JsonNode.Parse(stream)!.AsObject();
        change(json);
        return json.ToJsonString();
    }

    private static JsonArray Bands(params (string Name, decimal? Min)[] bands) =>
        new(bands.Select(b => (JsonNode)new JsonObject { ["name"] = b.Name, ["min"] = b.Min is { } m ? JsonValue.Create(m) : null }).ToArray());

    [Theory]
    [InlineData("no catch-all", "the last grade '合格' must have no minimum")]
    [InlineData("catch-all first", "only the last grade may go without one")]
    [InlineData("not descending", "does not lie below '良好' (80)")]
    [InlineData("twice", "grade '优秀' appears 2 times")]
    [InlineData("empty", "grades is empty")]
    public void Malformed_bands_are_refused_naming_the_fault(string fault, string message)
    {
        var bands = fault switch
        {
            "no catch-all" => Bands(("优秀", 90), ("合格", 60)),
            "catch-all first" => Bands(("不合格", null), ("优秀", 90)),
            "not descending" => Bands(("良好", 80), ("优秀", 90), ("不合格", null)),
            "twice" => Bands(("优秀", 90), ("优秀", 80), ("不合格", null)),
            _ => [],
        };
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(Mutate(b => b["grades"] = bands)));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void An_appeal_window_outside_1_to_365_days_is_refused()
    {
        var ex = Assert.Throws<RulebookInvalidException>(() => RulebookLoader.Parse(Mutate(b => b["appealWindowDays"] = 0)));
        Assert.Contains("appealWindowDays is 0", ex.Message);
    }

    [Fact]
    public void A_rulebook_without_bands_grades_nothing_and_keeps_the_default_window()
    {
        // The commendation section goes too: its minimum grade names a band.
        var book = RulebookLoader.Parse(Mutate(b => { b.Remove("grades"); b.Remove("appealWindowDays"); b.Remove("commendation"); }));
        Assert.Null(book.GradeOf(95));
        Assert.Equal(Rulebook.DefaultAppealWindowDays, book.AppealWindowOrDefault());
    }
}
