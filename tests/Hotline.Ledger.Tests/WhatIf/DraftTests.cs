using System.Net;
using System.Text.Json;
using Hotline.Ledger.Security;
using Hotline.Ledger.Tests.Support;
using static Hotline.Ledger.Tests.WhatIf.Drafting;

namespace Hotline.Ledger.Tests.WhatIf;

[Collection(ScoringCollection.Name)]
public class DraftTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task A_copy_of_the_rulebook_in_force_differs_only_in_its_name_and_date_and_a_new_version_shows_each_changed_clause()
    {
        var copy = await App.Created("/api/rulebooks/drafts", new { copyOf = "xinyang-2019", id = "xinyang-2027", effectiveFrom = "2027-01-01" });
        var id = copy.GetProperty("id").GetGuid();
        Assert.Equal(1, copy.GetProperty("version").GetInt32());
        Assert.Equal("draft", copy.GetProperty("status").GetString());
        Assert.Equal("xinyang-2019", copy.GetProperty("copyOf").GetString());
        Assert.Equal(0, copy.GetProperty("differences").GetProperty("clauses").GetArrayLength());
        Assert.Equal(["effectiveFrom", "id"], copy.GetProperty("differences").GetProperty("settings").EnumerateArray()
            .Select(f => f.GetProperty("field").GetString()!).Order());

        // The rulebook comes back as the loader reads it: change it and PUT it back.
        var book = System.Text.Json.Nodes.JsonNode.Parse(copy.GetProperty("rulebook").GetRawText())!.AsObject();
        Clause(book, "B2.1")["points"] = 4;
        Drop(book, "D3.3");
        var revised = await App.Send(HttpMethod.Put, $"/api/rulebooks/drafts/{id}", Json(book), null);
        Assert.True(revised.Status == HttpStatusCode.OK, revised.Text);
        Assert.Equal(2, revised.Json.GetProperty("version").GetInt32());

        var clauses = revised.Json.GetProperty("differences").GetProperty("clauses").EnumerateArray().ToList();
        Assert.Equal([("B2.1", "changed"), ("D3.3", "dropped")], clauses.Select(c => (c.GetProperty("clause").GetString(), c.GetProperty("change").GetString())));
        Assert.True(clauses[0].GetProperty("fields").GetArrayLength() == 1, clauses[0].ToString());
        var points = clauses[0].GetProperty("fields")[0];
        Assert.Equal(("points", 2m, 4m), (points.GetProperty("field").GetString(), points.GetProperty("before").GetDecimal(), points.GetProperty("after").GetDecimal()));
        Assert.Equal(5m, clauses[1].GetProperty("before").GetProperty("points").GetDecimal());

        // The same rulebook again is no new version.
        var events = await App.EventCount();
        var same = await App.Send(HttpMethod.Put, $"/api/rulebooks/drafts/{id}", Json(book), null);
        Assert.Equal(2, same.Json.GetProperty("version").GetInt32());
        Assert.Equal(events, await App.EventCount());

        // The auditor reads it; the list shows it.
        var read = await App.As("审计员", [Roles.Auditor]).Get($"/api/rulebooks/drafts/{id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(id, (await App.Ok("/api/rulebooks/drafts")).EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_draft_with_faults_is_refused_with_every_fault_named_and_nothing_recorded()
    {
        var book = Named(BuiltIn(), "bad", "2031-01-01");
        Clause(book, "U1.1")["points"] = 11;         // U1 is 20 but its parts sum to 21; units sum to 101
        Clause(book, "B3").Remove("frequency");      // a bonus without frequency

        var reply = await Refused(() => App.Send(HttpMethod.Post, "/api/rulebooks/drafts", Json(book), null), HttpStatusCode.BadRequest, "rulebook");
        var faults = reply.ErrorsFor("rulebook");
        Assert.Contains(faults, f => f.Contains("'B3' has no frequency"));
        Assert.Contains(faults, f => f.Contains("unit criteria sum to 101"));
        Assert.Contains(faults, f => f.Contains("'U1' is worth 20 but its parts sum to 21"));
        Assert.Empty((await App.Ok("/api/rulebooks/drafts")).EnumerateArray());
    }

    [Fact]
    public async Task A_copy_of_an_unknown_rulebook_or_with_other_fields_is_refused()
    {
        await Refused(() => App.Post("/api/rulebooks/drafts", new { copyOf = "no-such-measures" }), HttpStatusCode.BadRequest, "copyOf");
        await Refused(() => App.Post("/api/rulebooks/drafts", new { copyOf = "xinyang-2019", grades = Array.Empty<object>() }), HttpStatusCode.BadRequest, "grades");
    }

    [Fact]
    public async Task A_deleted_draft_is_gone_and_cannot_be_revised()
    {
        var id = await Draft(App, b => b);
        var deleted = await App.Send(HttpMethod.Delete, $"/api/rulebooks/drafts/{id}", null, null);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);

        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/rulebooks/drafts/{id}")).Status);
        Assert.Empty((await App.Ok("/api/rulebooks/drafts")).EnumerateArray());
        await Refused(() => App.Send(HttpMethod.Put, $"/api/rulebooks/drafts/{id}", Json(BuiltIn()), null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/what-if?draft={id}&year=2020")).Status);
    }

    [Fact]
    public async Task Only_the_office_drafts_and_a_liaison_never_sees_a_score_under_a_draft()
    {
        var auditor = App.As("审计员", [Roles.Auditor]);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Post("/api/rulebooks/drafts", new { copyOf = "xinyang-2019" })).Status);

        var unit = await App.NewUnit("DRAFT-L");
        var id = await Draft(App, b => b);
        var liaison = await App.AsLiaison("DRAFT-L").Get($"/api/units/{unit}/score?year=2020&rulebook=draft:{id}");
        Assert.Equal(HttpStatusCode.Forbidden, liaison.Status);
        Assert.Equal(HttpStatusCode.OK, (await App.AsLiaison("DRAFT-L").Get($"/api/units/{unit}/score?year=2020")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Get($"/api/units/{unit}/score?year=2020&rulebook=xinyang-2019")).Status);
    }

    [Fact]
    public async Task A_put_with_the_same_idempotency_key_answers_the_first_answer_again()
    {
        var id = await Draft(App, b => b);
        var book = Named(BuiltIn(), "xinyang-draft", "2031-01-01");
        Clause(book, "B1")["points"] = 3;
        var first = await App.Send(HttpMethod.Put, $"/api/rulebooks/drafts/{id}", Json(book), "put-once");
        var events = await App.EventCount();
        var again = await App.Send(HttpMethod.Put, $"/api/rulebooks/drafts/{id}", Json(book), "put-once");
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(events, await App.EventCount());
    }
}
