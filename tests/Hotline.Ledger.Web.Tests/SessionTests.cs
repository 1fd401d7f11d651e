using System.Net;
using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>Signing in and out, and what other roles see until their screens arrive.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionTests(WebApp app)
{
    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copy_of_its_cookie()
    {
        var page = await app.SignedIn("王芳", "office");
        await page.GotoAsync("/");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "hotline.session");

        await page.ClickAsync("[data-test=signout]");
        await page.WaitForURLAsync("**/signed-out");
        Assert.Contains("退出", await page.InnerTextAsync("h1"));

        await page.GotoAsync("/");
        Assert.Contains("/signin", page.Url);

        // The cookie copied before signing out opens nothing afterwards.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_development_sign_in_page_signs_in_with_roles_and_a_unit()
    {
        var unit = await app.NewUnit("市民政局");
        var page = await app.NewPage();
        await page.GotoAsync("/entries");
        Assert.Contains("/signin", page.Url);
        await WebApp.Screenshot(page, "signin");

        await page.FillAsync("#user", "联络员小周");
        await page.UncheckAsync("input[value=office]");
        await page.CheckAsync("input[value=liaison]");
        await page.FillAsync("#unit", unit.Code);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/entries");
        Assert.Contains("联络员小周", await page.InnerTextAsync(".who"));
        Assert.Contains(unit.Name, await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var unit = await app.NewUnit("市审计局");
        var page = await app.SignedIn("王芳", "office");
        await page.GotoAsync("/entries/new");
        var status = await page.EvaluateAsync<int>("""
            async (unit) => {
              const form = new FormData(document.getElementById('entry-form'));
              form.delete('__RequestVerificationToken');
              form.set('Clause', 'B1'); form.set('Unit', unit); form.set('Reason', '无令牌');
              return (await fetch('/entries/new', { method: 'POST', body: form, redirect: 'manual' })).status;
            }
            """, $"{unit.Code} {unit.Name}");
        Assert.Equal(400, status);
        Assert.Empty(await app.EntriesOf(unit.Unit));
    }

    [Fact]
    public async Task Other_roles_see_a_start_page_saying_what_is_coming()
    {
        var page = await app.SignedIn("审计员老陈", "auditor");
        await page.GotoAsync("/");
        var text = await page.InnerTextAsync("main");
        Assert.Contains("正在建设中", text);
        Assert.Contains("审计", text);
        await WebApp.Screenshot(page, "auditor-start");
    }
}
