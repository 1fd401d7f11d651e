using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>The entry form's person picker: the API's search for what was typed, not a list loaded whole.</summary>
[Collection(WebCollection.Name)]
public sealed class PersonPickerTests(WebApp app)
{
    [Fact]
    public async Task Typing_part_of_a_name_suggests_the_people_the_APIs_search_finds_and_records_the_one_picked()
    {
        var unit = await app.NewUnit("市外事办公室", person: "Li Na");
        await app.Created("/api/people", new { name = "王小明", unitId = unit.Unit, effectiveOn = "2020-01-01" });
        var page = await app.SignedIn("王芳", "office");

        await page.GotoAsync("/entries/new");
        await page.SelectOptionAsync("#clause", "B2.1");
        await page.FillAsync("#unit", $"{unit.Code} {unit.Name}");
        // Lower case and part of the name: the API's search ignores case, as a whole list filtered here did not.
        var asked = await page.RunAndWaitForRequestAsync(() => page.FillAsync("#person", "li n"), r => r.Url.Contains("handler=People", StringComparison.Ordinal));
        Assert.Contains("q=li+n", asked.Url, StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => document.getElementById('person-list').dataset.q === 'li n'");
        var suggested = await page.EvalOnSelectorAllAsync<string[]>("#person-list option", "os => os.map(o => o.value)");
        var label = Assert.Single(suggested);
        Assert.StartsWith($"Li Na（{unit.Code}）#", label);

        await page.FillAsync("#person", label);
        await page.FillAsync("#reason", "外宾来电致谢");
        await page.ClickAsync("[data-test=save]");
        await page.WaitForURLAsync("**/entries/*?recorded=1");

        var entry = Assert.Single(await app.EntriesOf(unit.Unit));
        Assert.Equal(unit.Person, entry.GetProperty("personId").GetGuid());
    }
}
