using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Tests.Security;

/// <summary>
/// The access matrix, route by route: every mapped route has a row; without a token it answers 401;
/// every role the row does not admit gets 403; every role it admits gets past authorisation; a
/// liaison is refused another unit's records. Rows for routes not built yet are checked once built.
/// </summary>
[Collection(AccessMatrixCollection.Name)]
public class AccessMatrixTests(LedgerApp app) : LedgerTest(app)
{
    /// <summary>The only routes open without a token.</summary>
    private static readonly Regex OpenRoutes = new("^/?(health/|openapi/|scalar)", RegexOptions.Compiled);

    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in AccessMatrix.Rows) data.Add(row.Method, row.Route);
        return data;
    }

    public static TheoryData<string, string> PathScopedRows()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in AccessMatrix.Rows.Where(r => r.Liaison is LiaisonScoping.UnitInPath or LiaisonScoping.PersonInPath
                     or LiaisonScoping.EntryInPath or LiaisonScoping.MarkInPath))
            data.Add(row.Method, row.Route);
        return data;
    }

    private IEnumerable<(string Method, RouteEndpoint Endpoint)> Mapped() =>
        App.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(IsApi)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e)));

    /// <summary>
    /// The API's routes: not the screens' own (they answer to the session and act through the API), nor the
    /// static files' development fallback.
    /// </summary>
    internal static bool IsApi(RouteEndpoint e) =>
        e.Metadata.GetMetadata<Hotline.Ledger.Web.ScreenEndpoint>() is null && e.RoutePattern.RawText?.Contains(":file}") != true;

    private bool IsMapped(AccessRule rule) =>
        Mapped().Any(m => AccessRule.KeyOf(m.Method, m.Endpoint.RoutePattern.RawText ?? "") == rule.Key);

    [Fact]
    public void Every_mapped_route_has_a_row_in_the_access_matrix()
    {
        var missing = new List<string>();
        var open = new List<string>();
        foreach (var (method, endpoint) in Mapped())
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!OpenRoutes.IsMatch(route)) open.Add($"{method} {route}");
                continue;
            }

            if (AccessMatrix.Find(method, route) is null) missing.Add($"{method} {route}");
        }

        Assert.True(missing.Count == 0,
            "These routes have no row in the access matrix and are refused to everyone. Add a row for each to " +
            "AccessMatrix.Rows (src/Hotline.Ledger/Security/AccessMatrix.cs) and to the table in docs/security.md:\n  " +
            string.Join("\n  ", missing));
        Assert.True(open.Count == 0, "Only health and the API documentation may be open without a token:\n  " + string.Join("\n  ", open));
    }

    [Fact]
    public void The_matrix_is_well_formed()
    {
        Assert.Equal(AccessMatrix.Rows.Count, AccessMatrix.Rows.Select(r => r.Key).Distinct().Count());
        Assert.All(AccessMatrix.Rows, r =>
        {
            Assert.NotEmpty(r.Roles);
            Assert.All(r.Roles, role => Assert.Contains(role, Roles.All));
            // A liaison is admitted only with a rule that says how they are confined.
            Assert.Equal(r.Liaison != LiaisonScoping.None, r.Roles.Contains(Roles.Liaison));
            Assert.True(r.Method is "GET" or "POST" or "PUT" or "PATCH" or "DELETE", r.Key);
        });
        // The feed is a machine: it writes case events and reads nothing.
        Assert.All(AccessMatrix.Rows.Where(r => r.Roles.Contains(Roles.Feed)), r => Assert.Equal("POST", r.Method));
    }

    [Fact]
    public async Task The_table_in_docs_security_md_is_the_matrix()
    {
        var path = Path.Combine(Repository.Root, "docs", "security.md");
        var doc = await File.ReadAllTextAsync(path);
        var expected = AccessMatrixTable.Markdown();
        Assert.True(doc.Replace("\r\n", "\n").Contains(expected),
            $"docs/security.md does not show the access matrix as it is; put this table between its matrix markers:\n{expected}");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_route_answers_every_role_as_its_row_says(string method, string route)
    {
        var rule = AccessMatrix.Find(method, route)!;
        if (!IsMapped(rule)) return; // Not built yet: checked from the day it is mapped.

        var world = await World.Build(App);
        var url = world.Url(rule, own: true);

        var anonymous = await Send(App.Anonymous, rule.Method, url);
        Assert.True(anonymous.Status == HttpStatusCode.Unauthorized, $"{rule.Key} without a token answered {(int)anonymous.Status}");
        Assert.Equal("application/problem+json", anonymous.MediaType);

        foreach (var role in Roles.All)
        {
            var caller = role == Roles.Liaison ? App.AsLiaison(world.OwnCode) : App.As($"tester-{role}", [role]);
            var reply = await Send(caller, rule.Method, url);
            if (rule.Admits(role))
            {
                Assert.True(reply.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                    $"{rule.Key} admits {role}, but answered {(int)reply.Status}: {reply.Text}");
            }
            else
            {
                Assert.True(reply.Status == HttpStatusCode.Forbidden, $"{rule.Key} does not admit {role}, but answered {(int)reply.Status}: {reply.Text}");
                Assert.Equal("application/problem+json", reply.MediaType);
            }
        }
    }

    [Theory]
    [MemberData(nameof(PathScopedRows))]
    public async Task A_liaison_is_refused_another_units_records(string method, string route)
    {
        var rule = AccessMatrix.Find(method, route)!;
        if (!IsMapped(rule)) return;

        var world = await World.Build(App);
        var before = await App.EventCount();
        var reply = await Send(App.AsLiaison(world.OwnCode), rule.Method, world.Url(rule, own: false));
        Assert.True(reply.Status == HttpStatusCode.Forbidden, $"{rule.Key} for another unit answered {(int)reply.Status}: {reply.Text}");
        Assert.Contains(world.OwnCode, reply.Json.GetProperty("detail").GetString());
        Assert.Equal(before, await App.EventCount());
    }

    [Fact]
    public async Task A_liaison_lists_only_their_own_unit_and_its_people()
    {
        var world = await World.Build(App);
        var liaison = App.AsLiaison(world.OwnCode);

        var units = await liaison.Get("/api/units");
        Assert.Equal([world.OwnUnit], units.Json.EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));
        var people = await liaison.Get("/api/people");
        Assert.Equal([world.OwnPerson], people.Json.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await liaison.Get($"/api/people?unitId={world.OwnUnit}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Get($"/api/people?unitId={world.OtherUnit}")).Status);

        // Everyone else sees every unit.
        Assert.Equal(2, (await App.As("leader-1", [Roles.Leader]).Get("/api/units")).Json.GetArrayLength());
    }

    [Fact]
    public async Task A_person_who_moved_is_visible_to_the_liaisons_of_both_units()
    {
        var world = await World.Build(App);
        await App.Created($"/api/people/{world.OtherPerson}/transfers", new { toUnitId = world.OwnUnit, effectiveOn = "2020-07-01" }, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, (await App.AsLiaison(world.OwnCode).Get($"/api/people/{world.OtherPerson}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await App.AsLiaison(world.OtherCode).Get($"/api/people/{world.OtherPerson}")).Status);
        // The entry recorded against the other unit before the move stays the other unit's.
        Assert.Equal(HttpStatusCode.Forbidden, (await App.AsLiaison(world.OwnCode).Get($"/api/entries/{world.OtherEntry}")).Status);
    }

    [Fact]
    public async Task A_liaison_of_an_unregistered_unit_or_of_no_unit_sees_nothing()
    {
        var nowhere = await App.AsLiaison("NO-SUCH-UNIT").Get("/api/rulebooks");
        Assert.Equal(HttpStatusCode.Forbidden, nowhere.Status);
        Assert.Contains("not registered", nowhere.Json.GetProperty("detail").GetString());

        var unitless = await App.As("liaison-without-unit", [Roles.Liaison]).Get("/api/rulebooks");
        Assert.Equal(HttpStatusCode.Forbidden, unitless.Status);
        Assert.Contains("names none", unitless.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_liaison_who_is_also_an_auditor_sees_every_unit()
    {
        var world = await World.Build(App);
        var both = App.As("liaison-and-auditor", [Roles.Liaison, Roles.Auditor], world.OwnCode);
        Assert.Equal(HttpStatusCode.OK, (await both.Get($"/api/units/{world.OtherUnit}")).Status);
        Assert.Equal(2, (await both.Get("/api/units")).Json.GetArrayLength());
    }

    [Fact]
    public async Task A_forbidden_answer_names_the_roles_the_route_is_open_to()
    {
        var reply = await App.As("feed-bot", [Roles.Feed]).Post("/api/entries", new { });
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Contains("office", reply.Json.GetProperty("detail").GetString());
    }

    private static Task<Reply> Send(Caller caller, string method, string url) =>
        caller.Send(new HttpMethod(method), url, method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json"));

    /// <summary>Two units, each with a person, an entry and a mark: the liaison's own and another.</summary>
    private sealed record World(
        string OwnCode, Guid OwnUnit, Guid OwnPerson, Guid OwnEntry, Guid OwnMark, Guid OwnAppeal, string OwnCase,
        string OtherCode, Guid OtherUnit, Guid OtherPerson, Guid OtherEntry, Guid OtherMark)
    {
        public static async Task<World> Build(LedgerApp app)
        {
            var own = await Unit(app, "OWN");
            var other = await Unit(app, "OTHER");
            var appeal = await app.Created("/api/appeals", new { entryId = own.Entry, reason = "申诉" });
            var caseNumber = $"XY-{own.Code}";
            await app.Created("/api/cases/events", new
            {
                events = new[] { new { eventId = caseNumber, caseNumber, type = "assigned", at = "2020-03-01T00:00:00Z", unitId = own.Unit } },
            }, HttpStatusCode.OK);
            return new World(own.Code, own.Unit, own.Person, own.Entry, own.Mark, appeal.GetProperty("id").GetGuid(), caseNumber,
                other.Code, other.Unit, other.Person, other.Entry, other.Mark);
        }

        private static async Task<(string Code, Guid Unit, Guid Person, Guid Entry, Guid Mark)> Unit(LedgerApp app, string prefix)
        {
            var code = $"{prefix}-{Guid.NewGuid():N}"[..16];
            var unit = await app.NewUnit(code);
            var person = await app.NewPerson(unit, "2020-01-01");
            var entry = await app.Created("/api/entries", new { clause = "B1", unitId = unit, personId = person, occurredOn = "2020-03-03", reason = "信息被采用" });
            var mark = await app.Created("/api/marks", new { year = 2020, clause = "U1.1", unitId = unit, points = 8, reason = "领导重视" });
            return (code, unit, person, entry.GetProperty("id").GetGuid(), mark.GetProperty("id").GetGuid());
        }

        /// <summary>The route with its first parameter set to the liaison's own subject (or the other unit's).</summary>
        public string Url(AccessRule rule, bool own)
        {
            var first = rule.Liaison switch
            {
                LiaisonScoping.UnitInPath => own ? OwnUnit : OtherUnit,
                LiaisonScoping.PersonInPath => own ? OwnPerson : OtherPerson,
                LiaisonScoping.EntryInPath => own ? OwnEntry : OtherEntry,
                LiaisonScoping.MarkInPath => own ? OwnMark : OtherMark,
                _ when rule.Route.StartsWith("/api/people/") => OwnPerson,
                _ when rule.Route.StartsWith("/api/entries/") => OwnEntry,
                _ when rule.Route.StartsWith("/api/marks/") => OwnMark,
                _ when rule.Route.StartsWith("/api/appeals/") => OwnAppeal,
                _ when rule.Route.StartsWith("/api/cases/") => OwnCase,
                _ when rule.Route.StartsWith("/api/rulebooks/drafts/") => Guid.NewGuid(),
                _ when rule.Route.StartsWith("/api/rulebooks/") => (object)"xinyang-2019",
                _ when rule.Route.StartsWith("/api/province/cities/") => "xy",
                _ => OwnUnit,
            };
            var index = 0;
            return Regex.Replace(rule.Route, @"\{[^}]*\}", _ => index++ == 0 ? first.ToString()! : Guid.NewGuid().ToString());
        }
    }
}
