using System.Net;
using System.Net.Http.Json;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Security;

[Collection(SecurityCollection.Name)]
public class WhoDidItTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<HttpResponseMessage> PostWithCorrelation(Caller caller, string url, object body, string correlation)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Correlation-Id", correlation);
        return await caller.Client.SendAsync(request);
    }

    [Fact]
    public async Task Every_event_carries_the_authenticated_user_and_the_requests_correlation_id()
    {
        var office = App.As("王芳", [Roles.Office]);
        var unitResponse = await PostWithCorrelation(office, "/api/units", new { code = "WHO-1", name = "谁做的" }, "corr-unit-1");
        Assert.Equal(HttpStatusCode.Created, unitResponse.StatusCode);
        Assert.Equal("corr-unit-1", unitResponse.Headers.GetValues("X-Correlation-Id").Single());
        var unit = (await unitResponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        var entryResponse = await PostWithCorrelation(office, "/api/entries",
            new { clause = "B1", unitId = unit, occurredOn = "2020-03-03", reason = "信息被采用" }, "corr-entry-1");
        var entry = await entryResponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("王芳", entry.GetProperty("recordedBy").GetString());

        var events = await App.Rows($"select type, user_name, correlation_id, data->>'recordedBy', data->>'registeredBy' from \"{App.Schema}\".mt_events where type <> 'tombstone' order by seq_id");
        Assert.Equal(2, events.Count);
        Assert.Equal(["王芳", "corr-unit-1", null, "王芳"], events[0][1..]);
        Assert.Equal(["王芳", "corr-entry-1", "王芳", null], events[1][1..]);
    }

    [Fact]
    public async Task A_mark_carries_the_assessor_who_gave_it()
    {
        var unit = await App.NewUnit();
        var mark = await App.As("assessor-zhao", [Roles.Assessor]).Post("/api/marks",
            new { year = 2020, clause = "U1.1", unitId = unit, points = 8, reason = "领导重视" });
        Assert.Equal(HttpStatusCode.Created, mark.Status);
        Assert.Equal("assessor-zhao", mark.Json.GetProperty("scorer").GetString());
        var users = await App.Rows($"select user_name from \"{App.Schema}\".mt_events where type = 'mark_recorded'");
        Assert.Equal("assessor-zhao", Assert.Single(users)[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has spaces in it")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("a-correlation-id-that-is-much-too-long-to-be-trusted-into-the-ledger-and-the-logs-0123456789")]
    public async Task A_missing_or_untrustworthy_correlation_id_is_replaced_by_one_of_our_own(string offered)
    {
        var response = await PostWithCorrelation(App.As("office", [Roles.Office]), "/api/units", new { code = "CORR", name = "关联" }, offered);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var assigned = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(offered, assigned);
        Assert.Matches("^[A-Za-z0-9._:-]{1,64}$", assigned);
        var stored = await App.Rows($"select correlation_id from \"{App.Schema}\".mt_events where type <> 'tombstone'");
        Assert.Equal(assigned, Assert.Single(stored)[0]);
    }

    [Fact]
    public async Task Refusals_carry_the_correlation_id_in_their_problem_details()
    {
        var response = await PostWithCorrelation(App.As("office", [Roles.Office]), "/api/units", new { code = "", name = "" }, "corr-refused");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("corr-refused", problem.GetProperty("correlationId").GetString());
    }
}
