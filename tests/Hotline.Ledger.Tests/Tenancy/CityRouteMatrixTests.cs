using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Security;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Tests.Tenancy;

/// <summary>
/// The access matrix walked across cities: city A holds a unit, a person, an entry, a mark, an appeal, a case
/// and the notice of the entry; every route, for every role it admits, is then called by users of city B and
/// of the default city with A's ids in its path (and as a download where it reads). No answer holds anything
/// of A's, nothing is 5xx, and A's ledger is unchanged and still verifies.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class CityRouteMatrixTests(CityApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAll();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record CityA(Guid Unit, Guid Person, Guid Entry, Guid Mark, Guid Appeal, string Case, string[] Markers);

    private static async Task<JsonElement> Created(Caller caller, string url, object body, HttpStatusCode status = HttpStatusCode.Created)
    {
        var reply = await caller.Post(url, body);
        Assert.True(reply.Status == status, $"POST {url} answered {(int)reply.Status}: {reply.Text}");
        return reply.Json;
    }

    private async Task<CityA> RecordInA()
    {
        var office = app.Office(CityApp.A);
        var code = "SECRET-A-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        const string name = "甲城独有单位", person = "甲城独有人员", reason = "甲城独有的理由";
        var unit = (await Created(office, "/api/units", new { code, name })).GetProperty("id").GetGuid();
        var personId = (await Created(office, "/api/people", new { name = person, unitId = unit, effectiveOn = "2020-01-01" })).GetProperty("id").GetGuid();
        var entry = (await Created(office, "/api/entries", new { clause = "B1", unitId = unit, personId, occurredOn = "2020-03-03", reason })).GetProperty("id").GetGuid();
        var mark = (await Created(app.InCity(CityApp.A, "assessor", [Roles.Assessor]), "/api/marks",
            new { year = 2020, clause = "U1.1", unitId = unit, points = 8, reason })).GetProperty("id").GetGuid();
        var appeal = (await Created(office, "/api/appeals", new { entryId = entry, reason })).GetProperty("id").GetGuid();
        var caseNumber = "CASE-A-" + Guid.NewGuid().ToString("N")[..8];
        await Created(office, "/api/cases/events", new
        {
            events = new[] { new { eventId = caseNumber, caseNumber, type = "assigned", at = "2020-03-01T00:00:00Z", unitId = unit } },
        }, HttpStatusCode.OK);
        return new CityA(unit, personId, entry, mark, appeal, caseNumber,
            [unit.ToString(), personId.ToString(), entry.ToString(), mark.ToString(), appeal.ToString(), caseNumber, code, name, person, reason]);
    }

    private static string Url(AccessRule rule, CityA a)
    {
        object first = rule.Route switch
        {
            var r when r.StartsWith("/api/people/") => a.Person,
            var r when r.StartsWith("/api/entries/") => a.Entry,
            var r when r.StartsWith("/api/marks/") => a.Mark,
            var r when r.StartsWith("/api/appeals/") => a.Appeal,
            var r when r.StartsWith("/api/cases/") => a.Case,
            var r when r.StartsWith("/api/rulebooks/drafts/") => Guid.NewGuid(),
            var r when r.StartsWith("/api/rulebooks/") => "xinyang-2019",
            _ => a.Unit,
        };
        var index = 0;
        var url = Regex.Replace(rule.Route, @"\{[^}]*\}", _ => index++ == 0 ? first.ToString()! : Guid.NewGuid().ToString());
        // Query-scoped reads are asked about A's unit and person too.
        return rule.Method == "GET" && !rule.Route.Contains('{') ? $"{url}?unitId={a.Unit}&personId={a.Person}&year=2020" : url;
    }

    [Fact]
    public async Task No_route_gives_a_user_of_another_city_anything_of_city_A()
    {
        var a = await RecordInA();
        // The entry's notice is raised in A through A's durable queue; wait for it, so that a notice that went astray would be seen.
        var notices = app.Office(CityApp.A);
        await Eventually.Holds(async () => (await notices.Get("/api/notices")).Text.Contains(a.Entry.ToString()), TimeSpan.FromSeconds(10));
        var eventsBefore = await app.ScalarIn(CityApp.A, "select count(*) from {schema}.mt_events where type <> 'tombstone'");

        var mapped = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(AccessMatrixTests.IsApi)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => AccessRule.KeyOf(m, e.RoutePattern.RawText ?? "")))
            .ToHashSet();
        var leaks = new List<string>();
        var calls = 0;
        var routes = 0;
        // CI walks every city and role of every route; a developer's run one of each, at random (Breadth).
        var random = new Random(Breadth.Seed);
        foreach (var rule in AccessMatrix.Rows.Where(r => mapped.Contains(r.Key)))
        {
            var url = Url(rule, a);
            routes++;
            foreach (var city in Breadth.OneOrAll([CityApp.B, null], random))
            foreach (var role in Breadth.OneOrAll(rule.Roles, random))
            {
                var caller = app.InCity(city, $"tester-{role}", [role], role == Roles.Liaison ? a.Markers[6] : null);
                foreach (var accept in rule.Method == "GET" ? new[] { (string?)null, "text/csv" } : [null])
                {
                    var content = rule.Method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json");
                    var reply = await Caller.Send(caller.Client, new HttpMethod(rule.Method), url, content, null, accept);
                    calls++;
                    var who = $"{rule.Key} as {role} of {city ?? "the default city"}{(accept is null ? "" : " (" + accept + ")")}";
                    if ((int)reply.Status >= 500) leaks.Add($"{who}: {(int)reply.Status} {reply.Text}");
                    // What the caller sent itself (the ids in the path, a liaison's unit code) may be echoed in a refusal; nothing else of A's.
                    else if (a.Markers.Where(m => !url.Contains(m, StringComparison.Ordinal) && !(role == Roles.Liaison && m == a.Markers[6]))
                                 .FirstOrDefault(m => reply.Text.Contains(m, StringComparison.Ordinal)) is { } marker)
                        leaks.Add($"{who} answered {(int)reply.Status} with '{marker}' of city A");
                }
            }
        }

        Assert.True(routes > 100 && calls >= routes, $"only {calls} calls on {routes} routes were made");
        Assert.True(leaks.Count == 0, $"{leaks.Count} answers ({Breadth.Describe}) reached city A:\n" + string.Join("\n", leaks.Take(40)));
        Assert.Equal(eventsBefore, await app.ScalarIn(CityApp.A, "select count(*) from {schema}.mt_events where type <> 'tombstone'"));
        var integrity = await app.InCity(CityApp.A, "auditor", [Roles.Auditor]).Get("/api/integrity");
        Assert.True(integrity.Json.GetProperty("valid").GetBoolean(), integrity.Text);
        // And city A's own users do see what they recorded: the walk was against data that is there.
        Assert.Contains(a.Entry.ToString(), (await app.Office(CityApp.A).Get($"/api/entries/{a.Entry}")).Text);
    }
}
