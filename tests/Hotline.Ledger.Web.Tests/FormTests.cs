using Hotline.Ledger.Web.Tests.Support;

namespace Hotline.Ledger.Web.Tests;

/// <summary>Every form that writes carries its antiforgery token, on every screen of the office and of a liaison.</summary>
[Collection(SecondWebCollection.Name)]
public sealed class FormTests(WebApp app)
{
    [Fact]
    public async Task Every_posting_form_on_every_screen_carries_an_antiforgery_token()
    {
        var unit = await app.NewUnit("市人力资源和社会保障局", person: "马骏");
        var entry = await app.Created("/api/entries", new { clause = "D1", unitId = unit.Unit, occurredOn = WebApp.Today, points = 5, reason = "社保窗口投诉" });
        var entryPath = $"/entries/{entry.GetProperty("id").GetGuid()}";
        var walks = new (string Role, string? Unit, string[] Screens)[]
        {
            ("office", null, ["/", "/entries/new", "/entries", entryPath, "/units", $"/units/{unit.Unit}", "/people", $"/people/{unit.Person}",
                $"/reports?unitId={unit.Unit}", "/appeals", "/notices"]),
            ("liaison", unit.Code, ["/", "/entries", entryPath, $"/units/{unit.Unit}", "/people", "/reports", "/appeals", "/notices"]),
        };

        var forms = 0;
        foreach (var (role, code, screens) in walks)
        {
            var page = await app.SignedIn(role == "office" ? "王芳" : "联络员小马", role, code);
            foreach (var screen in screens)
            {
                await page.GotoAsync(screen);
                var posting = page.Locator("form[method=post]");
                for (var i = 0; i < await posting.CountAsync(); i++)
                {
                    var tokens = posting.Nth(i).Locator("input[type=hidden][name=__RequestVerificationToken]");
                    Assert.True(await tokens.CountAsync() == 1, $"{role} {screen}: form {i} has no antiforgery token");
                    Assert.False(string.IsNullOrEmpty(await tokens.GetAttributeAsync("value")), $"{role} {screen}: form {i} has an empty token");
                    forms++;
                }
            }
        }

        // The sign-out form on each screen, and the writing forms (entry, rescind, appeal, register, transfer, reports, self-check).
        Assert.True(forms >= 25, $"{forms} forms");
    }
}
