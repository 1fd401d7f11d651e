using System.Net.Http.Json;
using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>A leader reads what awaits approval, as it will print, and returns it with a comment the office then reads.</summary>
[Collection(SecondWebCollection.Name)]
public sealed class LeaderTests(WebApp app)
{
    /// <summary>A year no other browser test evaluates: one evaluation per year.</summary>
    private const int Year = 2019;

    [Fact]
    public async Task A_leader_returns_an_evaluation_with_a_comment_and_the_office_sees_it_returned()
    {
        await app.NewUnit("市城管局");
        var evaluation = await app.Created("/api/evaluations", new { year = Year });
        var id = evaluation.GetProperty("id").GetGuid();
        var sha256 = evaluation.GetProperty("sha256").GetString()!;
        var submitted = await app.Office.PostAsJsonAsync($"/api/evaluations/{id}/submit", new { @override = new { reason = "部分单位未评分，先行报审" } });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());

        var leader = await app.SignedIn("李局长", "leader");
        await leader.GotoAsync("/");
        await leader.ClickAsync("nav a[href='/approvals']");
        await leader.WaitForURLAsync("**/approvals");
        var item = leader.Locator("[data-test=inbox] tr[data-kind=evaluations]", new() { HasText = $"{Year}年度年终总评" });
        await item.Locator("a").First.ClickAsync();
        await leader.WaitForURLAsync($"**/approvals/evaluations/{id}");

        // The frozen sheet with its digest, as it will print, and what it lacks.
        Assert.Equal(sha256, (await leader.InnerTextAsync("[data-test=sha256]")).Trim());
        var sheet = leader.FrameLocator("[data-test=sheet]");
        await sheet.Locator("body").WaitForAsync();
        Assert.Contains(sha256, await sheet.Locator("body").InnerTextAsync());
        Assert.Contains("未评分", await leader.InnerTextAsync("[data-test=missing]"));
        await WebApp.Screenshot(leader, "leader-evaluation");

        // Returned with a comment: the trail says so, and it has left the inbox.
        await leader.FillAsync("#comments", "请补齐U1.1评分后再报");
        await leader.ClickAsync("[data-test=return]");
        await leader.WaitForURLAsync($"**/approvals/evaluations/{id}");
        Assert.Equal("已退回", (await leader.InnerTextAsync("[data-test=status]")).Trim());
        var trail = await leader.InnerTextAsync("[data-test=trail]");
        Assert.Contains("李局长", trail);
        Assert.Contains("请补齐U1.1评分后再报", trail);
        await leader.GotoAsync("/approvals");
        Assert.Equal(0, await leader.Locator("[data-test=inbox] tr", new() { HasText = $"{Year}年度年终总评" }).CountAsync());
        await WebApp.Screenshot(leader, "leader-inbox");

        // The office reads it returned, with the leader's comment; it has no approve or return form.
        var office = await app.SignedIn("王芳", "office");
        await office.GotoAsync("/approvals");
        await office.Locator("[data-test=history] a", new() { HasText = $"{Year}年度年终总评" }).ClickAsync();
        await office.WaitForURLAsync($"**/approvals/evaluations/{id}");
        Assert.Equal("已退回", (await office.InnerTextAsync("[data-test=status]")).Trim());
        Assert.Contains("请补齐U1.1评分后再报", await office.InnerTextAsync("[data-test=trail]"));
        Assert.Equal(0, await office.Locator("[data-test=decide]").CountAsync());
    }

    [Fact]
    public async Task A_return_without_a_comment_is_refused_and_nothing_changes()
    {
        var plan = await app.Get("/api/evaluations?year=2018");
        Assert.Equal(0, plan.GetArrayLength());
        var evaluation = await app.Created("/api/evaluations", new { year = 2018 });
        var id = evaluation.GetProperty("id").GetGuid();
        var submitted = await app.Office.PostAsJsonAsync($"/api/evaluations/{id}/submit", new { @override = new { reason = "先行报审" } });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());

        var leader = await app.SignedIn("李局长", "leader");
        await leader.GotoAsync($"/approvals/evaluations/{id}");
        // The browser's own check is bypassed, as a hand-made request would: the API refuses, the page says why.
        await leader.EvalOnSelectorAsync("#comments", "e => e.removeAttribute('required')");
        await leader.FillAsync("#comments", " ");
        await leader.ClickAsync("[data-test=return]");
        Assert.Contains("comments", await leader.InnerTextAsync("[data-test=decision-refused]"));
        Assert.Equal("submitted", (await app.Get($"/api/evaluations/{id}")).GetProperty("status").GetString());
    }
}
