using System.Net;
using System.Text.Json;
using Hotline.Ledger.Appeals;
using Hotline.Ledger.Tests.Support;
using Marten;

namespace Hotline.Ledger.Tests.Evaluation;

/// <summary>
/// Statuses are enums in the code but keep their words in the store and the answers: a row written before the enums
/// (its status the plain word) loads, is found by a LINQ comparison of the enum, and is listed by <c>?status=</c>.
/// </summary>
public class StatusWordTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<Guid> PendingAppeal()
    {
        var unit = await App.NewUnit();
        var entry = await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-05-10", points = 7, reason = "拖延办理被投诉" });
        var appeal = await App.Created("/api/appeals", new { entryId = entry.GetProperty("id").GetGuid(), reason = "该件已按时办结，投诉不实" });
        return appeal.GetProperty("id").GetGuid();
    }

    private async Task<string?> StoredStatus(Guid id) =>
        (string?)(await App.Rows($"select data ->> 'status' from \"{App.Schema}\".mt_doc_appeal where id = '{id}'")).Single()[0];

    [Fact]
    public async Task An_appeal_is_stored_with_the_word_of_its_status()
    {
        var id = await PendingAppeal();
        Assert.Equal("pending", await StoredStatus(id));

        await App.Created($"/api/appeals/{id}/decision", new { outcome = "rejected", reason = "投诉属实" }, HttpStatusCode.OK);
        Assert.Equal("rejected", await StoredStatus(id));
        var stored = (string)(await App.Rows($"select data::text from \"{App.Schema}\".mt_doc_appeal where id = '{id}'")).Single()[0]!;
        Assert.Equal("rejected", JsonDocument.Parse(stored).RootElement.GetProperty("decision").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_row_stored_with_the_plain_word_loads_and_is_found_by_linq_and_by_the_list()
    {
        var pending = await PendingAppeal();
        // A row as the ledger wrote it before statuses were enums: the same document, its status the word "upheld".
        var upheld = Guid.NewGuid();
        await App.Sql($$"""
            create temp table copied as select * from "{{App.Schema}}".mt_doc_appeal where id = '{{pending}}';
            update copied set id = '{{upheld}}', data = jsonb_set(jsonb_set(jsonb_set(data, '{id}', '"{{upheld}}"'),
                '{subject}', '"entry:legacy"'), '{status}', '"upheld"');
            insert into "{{App.Schema}}".mt_doc_appeal select * from copied;
            """);

        await using var session = App.Store.QuerySession();
        Assert.Equal(AppealStatus.Upheld, (await session.LoadAsync<Appeal>(upheld))!.Status);
        Assert.Equal([upheld], (await session.Query<Appeal>().Where(a => a.Status == AppealStatus.Upheld).ToListAsync()).Select(a => a.Id));
        Assert.Equal([pending], (await session.Query<Appeal>().Where(a => a.Status == AppealStatus.Pending).ToListAsync()).Select(a => a.Id));

        var listed = await App.Ok("/api/appeals?status=upheld");
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal((upheld, "upheld"), (only.GetProperty("id").GetGuid(), only.GetProperty("status").GetString()));
        Assert.Equal(pending, Assert.Single((await App.Ok("/api/appeals?status=pending")).EnumerateArray()).GetProperty("id").GetGuid());
    }

    /// <summary>The year-end evaluation finds the year's pending appeals by the enum: one holds its submission until decided.</summary>
    [Fact]
    public async Task A_pending_appeal_holds_the_evaluation_of_its_year_until_it_is_decided()
    {
        var appeal = await PendingAppeal();
        var evaluation = (await App.Created("/api/evaluations", new { year = 2020 })).GetProperty("id").GetGuid();
        var overriding = new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } };

        var held = await Refused(() => App.Post($"/api/evaluations/{evaluation}/submit", overriding), HttpStatusCode.Conflict);
        Assert.Equal("evaluation.appealsPending", held.Json.GetProperty("code").GetString());
        Assert.Contains(appeal.ToString(), held.Json.GetProperty("detail").GetString());

        await App.Created($"/api/appeals/{appeal}/decision", new { outcome = "rejected", reason = "投诉属实" }, HttpStatusCode.OK);
        var submitted = await App.Created($"/api/evaluations/{evaluation}/submit", overriding, HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
    }

    /// <summary>
    /// A database from before kept the status in a duplicated column as well; the schema update drops it (the document
    /// holds the status), so the deep integrity check, which compares every column, still agrees with the events.
    /// </summary>
    [Fact]
    public async Task The_status_column_of_an_older_schema_is_dropped_and_the_read_models_still_verify()
    {
        var id = await PendingAppeal();
        var table = $"\"{App.Schema}\".mt_doc_appeal";
        try
        {
            await App.Sql($"alter table {table} add column status varchar; update {table} set status = data ->> 'status';");
            await App.Store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync();
            Assert.Empty(await App.Rows($"select 1 from information_schema.columns where table_schema = '{App.Schema}' and table_name = 'mt_doc_appeal' and column_name = 'status'"));
            Assert.Equal("pending", await StoredStatus(id));
            Assert.True((await App.Ok("/api/integrity?readModels=true")).GetProperty("valid").GetBoolean());
        }
        finally
        {
            await App.Sql($"alter table {table} drop column if exists status;");
        }
    }
}
