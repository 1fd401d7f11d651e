using System.Net;
using Hotline.Ledger.Approvals;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Rulebooks.Drafts;
using Hotline.Ledger.Tests.Support;
using Marten;

namespace Hotline.Ledger.Tests.Evaluation;

/// <summary>
/// The approval trail's, the shortlist's, a case file's and an entry's statuses are enums in the code but keep their
/// words in the store and the answers: rows written before the enums (their statuses plain words, changed here by SQL)
/// load with their enums, are found by LINQ comparisons of the enums, and are listed by <c>?status=</c>; an unknown
/// word is a 400 on <c>status</c> listing the words a filter takes.
/// </summary>
public class StatusFamilyWordTests(LedgerApp app) : LedgerTest(app)
{
    private string Table(string type) => $"\"{App.Schema}\".mt_doc_{type}";

    private async Task<string?> Stored(string type, Guid id, string path = "status") =>
        (string?)(await App.Rows($"select data #>> '{{{path}}}' from {Table(type)} where id = '{id}'")).Single()[0];

    /// <summary>Copies a row under a new id, its JSON changed by <paramref name="sets"/> (path, JSON value), as the ledger had written it.</summary>
    private async Task<Guid> CopyAs(string type, Guid from, params (string Path, string Json)[] sets)
    {
        var id = Guid.NewGuid();
        var data = sets.Aggregate($"jsonb_set(data, '{{id}}', '\"{id}\"')", (d, s) => $"jsonb_set({d}, '{{{s.Path}}}', '{s.Json}')");
        await App.Sql($"""
            drop table if exists copied;
            create temp table copied as select * from {Table(type)} where id = '{from}';
            update copied set id = '{id}', data = {data};
            insert into {Table(type)} select * from copied;
            drop table copied;
            """);
        return id;
    }

    /// <summary>The message on <c>status</c> of a refused request, in the API's default language (Chinese).</summary>
    private async Task<string?> InChinese(string url)
    {
        using var client = App.DefaultLanguageClient();
        using var reply = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await reply.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("errors").GetProperty("status")[0].GetString();
    }

    private static IEnumerable<string?> Statuses(System.Text.Json.JsonElement list, string id) =>
        list.EnumerateArray().Where(e => e.GetProperty("id").GetString() == id).Select(e => e.GetProperty("status").GetString());

    [Fact]
    public async Task An_evaluation_keeps_the_words_of_the_approval_trail_in_the_store_the_linq_and_the_list()
    {
        var draft = (await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("id").GetGuid();
        Assert.Equal("draft", await Stored("yearendevaluation", draft));
        Assert.Equal("draft", (await App.Ok($"/api/evaluations/{draft}")).GetProperty("status").GetString());

        // An approved evaluation of another year, as the ledger wrote it before: its status the word "approved".
        var approved = await CopyAs("yearendevaluation", draft, ("year", "2019"), ("status", "\"approved\""));

        await using (var session = App.Store.QuerySession())
        {
            Assert.Equal(ApprovalStatus.Approved, (await session.LoadAsync<YearEndEvaluation>(approved))!.Status);
            Assert.Equal([approved], (await session.Query<YearEndEvaluation>().Where(e => e.Status == ApprovalStatus.Approved).ToListAsync()).Select(e => e.Id));
            Assert.Equal([draft], (await session.Query<YearEndEvaluation>().Where(e => e.Status != ApprovalStatus.Approved).ToListAsync()).Select(e => e.Id));
        }

        Assert.Equal(["approved"], Statuses(await App.Ok("/api/evaluations?status=approved"), approved.ToString()));
        Assert.Equal([draft], (await App.Ok("/api/evaluations?status=draft")).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));

        // An evaluation is never commended: the word names a status, but not one the filter takes.
        var refused = await Refused(() => App.Get("/api/evaluations?status=commended"), HttpStatusCode.BadRequest, "status");
        Assert.Equal("evaluation.status.unknown", refused.Json.GetProperty("code").GetString());
        Assert.Equal("'status' is one of: draft, submitted, returned, approved.", refused.ErrorsFor("status")[0]);
        Assert.Equal("“status”只能是以下之一：draft、submitted、returned、approved。", await InChinese("/api/evaluations?status=commended"));
    }

    [Fact]
    public async Task A_plan_its_shortlist_and_a_rulebook_draft_stored_with_the_words_load_with_their_enums()
    {
        var plan = new CommendationPlan { Id = Guid.NewGuid(), Year = 2020 };
        var draft = new RulebookDraft { Id = Guid.NewGuid() };
        await using (var session = App.Store.LightweightSession())
        {
            session.Store(plan);
            session.Store(draft);
            await session.SaveChangesAsync();
        }

        Assert.Equal("draft", await Stored("commendationplan", plan.Id));
        Assert.Equal("draft", await Stored("rulebookdraft", draft.Id));

        // A commended plan whose shortlist was approved, and a withdrawn draft, in the words written before the enums.
        var commended = await CopyAs("commendationplan", plan.Id, ("year", "2019"), ("status", "\"commended\""),
            ("shortlist", """{"status": "approved", "units": [], "people": [], "draftedAt": "2021-01-21T02:00:00+00:00", "draftedBy": "office"}"""));
        var deleted = await CopyAs("rulebookdraft", draft.Id, ("status", "\"deleted\""));
        Assert.Equal("approved", await Stored("commendationplan", commended, "shortlist,status"));

        await using var query = App.Store.QuerySession();
        var loaded = (await query.LoadAsync<CommendationPlan>(commended))!;
        Assert.Equal((ApprovalStatus.Commended, ApprovalStatus.Approved), (loaded.Status, loaded.Shortlist!.Status));
        Assert.Equal([commended], (await query.Query<CommendationPlan>().Where(p => p.Status == ApprovalStatus.Commended).ToListAsync()).Select(p => p.Id));
        Assert.True((await query.LoadAsync<RulebookDraft>(deleted))!.IsGone);
        Assert.Equal([draft.Id], (await query.Query<RulebookDraft>().Where(d => d.Status != ApprovalStatus.Deleted).ToListAsync()).Select(d => d.Id));
    }

    [Fact]
    public async Task A_case_file_stored_with_the_word_of_its_status_loads_and_is_answered_with_it()
    {
        var file = new CaseFile { Id = CaseIds.StreamOf("S-1"), CaseNumber = "S-1" };
        await using (var session = App.Store.LightweightSession())
        {
            session.Store(file);
            await session.SaveChangesAsync();
        }

        Assert.Equal("pending", await Stored("casefile", file.Id));
        Assert.Equal("pending", (await App.Ok("/api/cases/S-1")).GetProperty("status").GetString());

        // The same case, completed, as the ledger wrote it before the enums.
        await App.Sql($"update {Table("casefile")} set data = jsonb_set(data, '{{status}}', '\"completed\"') where id = '{file.Id}'");
        await using (var query = App.Store.QuerySession())
            Assert.Equal(CaseStatus.Completed, (await query.LoadAsync<CaseFile>(file.Id))!.Status);
        Assert.Equal("completed", (await App.Ok("/api/cases/S-1")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_entry_keeps_the_words_of_its_status_in_the_store_the_answers_and_the_filter()
    {
        var unit = await App.NewUnit();
        var entry = (await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-05-10", points = 7, reason = "拖延办理被投诉" })).GetProperty("id").GetGuid();
        Assert.Equal("active", await Stored("entry", entry));

        var rescinded = (await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-05-11", points = 7, reason = "拖延办理被投诉" })).GetProperty("id").GetGuid();
        Assert.Equal("rescinded", (await App.Created($"/api/entries/{rescinded}/rescind", new { reason = "核实有误" }, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("rescinded", await Stored("entry", rescinded));

        // A rescinded entry as the ledger wrote it before the enums: its row, the word "rescinded" in it.
        var older = await CopyAs("entry", rescinded);
        await using (var query = App.Store.QuerySession())
            Assert.Equal(EntryStatus.Rescinded, (await query.LoadAsync<Entry>(older))!.Status);

        var listed = (await App.Ok($"/api/entries?unitId={unit}&status=rescinded")).GetProperty("items");
        Assert.Equal(new[] { rescinded, older }.Order(), listed.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).Order());
        Assert.All(listed.EnumerateArray(), e => Assert.Equal("rescinded", e.GetProperty("status").GetString()));
        Assert.Equal([entry], (await App.Ok($"/api/entries?unitId={unit}&status=active")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));

        var refused = await Refused(() => App.Get("/api/entries?status=Active"), HttpStatusCode.BadRequest, "status");
        Assert.Equal("entries.status.unknown", refused.Json.GetProperty("code").GetString());
        Assert.Equal("'status' is one of: active, rescinded.", refused.ErrorsFor("status")[0]);
        Assert.Equal("“status”只能是以下之一：active、rescinded。", await InChinese("/api/entries?status=Active"));
    }

    /// <summary>
    /// A database from before the enums kept the approval trail's status in a duplicated column as well; the schema
    /// update drops it (the document holds the status), and the deep integrity check still agrees with the events.
    /// </summary>
    [Theory]
    [InlineData("yearendevaluation")]
    [InlineData("commendationplan")]
    [InlineData("rulebookdraft")]
    public async Task The_status_column_of_an_older_schema_is_dropped_and_the_read_models_still_verify(string type)
    {
        await App.Created("/api/evaluations", new { year = 2020 });
        try
        {
            await App.Sql($"alter table {Table(type)} add column status varchar; update {Table(type)} set status = data ->> 'status';");
            await App.Store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync();
            Assert.Empty(await App.Rows($"select 1 from information_schema.columns where table_schema = '{App.Schema}' and table_name = 'mt_doc_{type}' and column_name = 'status'"));
            Assert.True((await App.Ok("/api/integrity?readModels=true")).GetProperty("valid").GetBoolean());
        }
        finally
        {
            await App.Sql($"alter table {Table(type)} drop column if exists status;");
        }
    }
}
