using System.Net;
using Hotline.Ledger.Notices;

namespace Hotline.Ledger.Tests.Notices;

/// <summary>Who may subscribe to what, what is shown back, and whose notices reach whom.</summary>
public class SubscriptionTests(NoticeApp app) : NoticeTest(app)
{
    [Fact]
    public async Task A_liaison_subscribes_for_their_own_unit_and_cannot_for_another()
    {
        var own = await App.NewUnit("SUB-OWN");
        var other = await App.NewUnit("SUB-OTHER");
        var liaison = App.AsLiaison("SUB-OWN");

        var mine = await App.Subscribe(new { kinds = new[] { "entryRecorded" }, channel = "inbox" }, liaison);
        Assert.Equal(own, mine.GetProperty("unitId").GetGuid());
        Assert.Equal("unit", mine.GetProperty("audience").GetString());

        var before = await App.Ok("/api/notice-subscriptions");
        var refused = await liaison.Post("/api/notice-subscriptions", new { unitId = other, kinds = new[] { "entryRecorded" }, channel = "inbox" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("SUB-OWN", refused.Json.GetProperty("detail").GetString());
        Assert.Equal(before.GetArrayLength(), (await App.Ok("/api/notice-subscriptions")).GetArrayLength());

        // The office subscribes for any unit, or for all of them.
        await App.Subscribe(new { unitId = other, kinds = new[] { "entryRecorded" }, channel = "inbox" });
        var all = await App.Subscribe(new { kinds = new[] { "entryRecorded", "referralMade" }, channel = "inbox" });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, all.GetProperty("unitId").ValueKind);

        // A liaison lists and deletes only their own unit's subscriptions.
        Assert.Single((await liaison.Get("/api/notice-subscriptions")).Json.EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.Send(HttpMethod.Delete, $"/api/notice-subscriptions/{all.GetProperty("id").GetGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await liaison.Send(HttpMethod.Delete, $"/api/notice-subscriptions/{mine.GetProperty("id").GetGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.Send(HttpMethod.Delete, $"/api/notice-subscriptions/{mine.GetProperty("id").GetGuid()}")).Status);
    }

    [Fact]
    public async Task A_webhook_secret_is_shown_once_and_never_again()
    {
        var unit = await App.NewUnit();
        var created = await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("robot?key=do-not-show") });
        var secret = created.GetProperty("secret").GetString();
        Assert.Matches("^[0-9a-f]{64}$", secret);

        var listed = Assert.Single((await App.Ok("/api/notice-subscriptions")).EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("secret").ValueKind);
        Assert.True(listed.GetProperty("signed").GetBoolean());
        Assert.DoesNotContain("do-not-show", listed.GetProperty("url").GetString());

        var given = await App.Subscribe(new { unitId = unit, kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("x"), secret = "the-office-chose-this-secret" });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, given.GetProperty("secret").ValueKind);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/hook", "url")]
    [InlineData("http://user:password@127.0.0.1/hook", "url")]
    [InlineData("/relative/hook", "url")]
    public async Task A_webhook_url_that_is_not_plain_http_is_refused(string url, string field)
    {
        var reply = await App.Post("/api/notice-subscriptions", new { kinds = new[] { "entryRecorded" }, channel = "webhook", url });
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotEmpty(reply.ErrorsFor(field));
        Assert.Empty((await App.Ok("/api/notice-subscriptions")).EnumerateArray());
    }

    [Fact]
    public async Task A_subscription_names_known_kinds_and_what_its_channel_needs()
    {
        Assert.NotEmpty((await App.Post("/api/notice-subscriptions", new { kinds = new[] { "everything" }, channel = "inbox" })).ErrorsFor("kinds[0]"));
        Assert.NotEmpty((await App.Post("/api/notice-subscriptions", new { kinds = Array.Empty<string>(), channel = "inbox" })).ErrorsFor("kinds"));
        Assert.NotEmpty((await App.Post("/api/notice-subscriptions", new { kinds = new[] { "entryRecorded" }, channel = "sms" })).ErrorsFor("channel"));
        Assert.NotEmpty((await App.Post("/api/notice-subscriptions", new { kinds = new[] { "entryRecorded" }, channel = "email", address = "not-an-address" })).ErrorsFor("address"));
        Assert.NotEmpty((await App.Post("/api/notice-subscriptions", new { kinds = new[] { "entryRecorded" }, channel = "webhook" })).ErrorsFor("url"));
        Assert.NotEmpty((await App.Post("/api/notice-subscriptions", new { unitId = Guid.NewGuid(), kinds = new[] { "entryRecorded" }, channel = "inbox" })).ErrorsFor("unitId"));
    }

    [Fact]
    public async Task A_notice_of_unit_A_never_reaches_a_subscription_of_unit_B()
    {
        var a = await App.NewUnit("NB-A", "甲单位");
        var b = await App.NewUnit("NB-B", "乙单位");
        var liaisonA = App.AsLiaison("NB-A", "联络员甲");
        var liaisonB = App.AsLiaison("NB-B", "联络员乙");
        await App.Subscribe(new { kinds = new[] { "entryRecorded" }, channel = "inbox" }, liaisonA);
        await App.Subscribe(new { kinds = new[] { "entryRecorded" }, channel = "inbox" }, liaisonB);
        await App.Subscribe(new { kinds = new[] { "entryRecorded" }, channel = "webhook", url = App.Hooks.Url("unit-b"), secret = "secret-of-unit-b-robot" }, liaisonB);
        await App.Subscribe(new { unitId = b, kinds = new[] { "entryRecorded" }, channel = "email", address = "b@example.gov.cn" });
        await App.Subscribe(new { kinds = new[] { "entryRecorded" }, channel = "inbox" });

        var entry = await Deduct(a);
        await NoticeApp.Until(async () => (await liaisonA.Get("/api/notices")).Json.GetArrayLength() == 1, "unit A's inbox");
        await App.Settled();

        var notice = Assert.Single((await liaisonA.Get("/api/notices")).Json.EnumerateArray());
        Assert.Equal(entry.GetProperty("id").GetGuid(), notice.GetProperty("entryId").GetGuid());
        Assert.Equal("甲单位", notice.GetProperty("unitName").GetString());
        Assert.False(notice.GetProperty("read").GetBoolean());

        Assert.Empty((await liaisonB.Get("/api/notices")).Json.EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await liaisonB.Get($"/api/notices?unitId={a}")).Status);
        Assert.Empty(App.Hooks.To("unit-b"));
        Assert.Equal(0, App.Smtp.ReceivedEmailCount);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaisonB.Post($"/api/notices/{notice.GetProperty("id").GetGuid()}/read", new { })).Status);

        // The office's subscription for all units heard it too; each side reads it for itself.
        var id = notice.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await liaisonA.Post($"/api/notices/{id}/read", new { })).Status);
        Assert.Empty((await liaisonA.Get("/api/notices?unread=true")).Json.EnumerateArray());
        Assert.Single((await App.Ok($"/api/notices?unitId={a}&unread=true")).EnumerateArray());
        Assert.Empty((await App.Ok($"/api/notices?unitId={b}")).EnumerateArray());
    }

    [Fact]
    public async Task A_rescission_is_noticed_with_the_entry_it_undoes()
    {
        var unit = await App.NewUnit("RESC-1", "丙单位");
        var liaison = App.AsLiaison("RESC-1");
        await App.Subscribe(new { kinds = new[] { "entryRescinded" }, channel = "inbox" }, liaison);
        var entry = await Deduct(unit);
        await App.Created($"/api/entries/{entry.GetProperty("id").GetGuid()}/rescind", new { reason = "核实后撤销" }, HttpStatusCode.OK);

        await NoticeApp.Until(async () => (await liaison.Get("/api/notices")).Json.GetArrayLength() == 1, "the rescission's notice");
        var notice = Assert.Single((await liaison.Get("/api/notices")).Json.EnumerateArray());
        Assert.Equal("entryRescinded", notice.GetProperty("kind").GetString());
        Assert.Equal(entry.GetProperty("id").GetGuid(), notice.GetProperty("entryId").GetGuid());
        Assert.Equal("D3.2", notice.GetProperty("clause").GetString());
        Assert.Equal(-10m, notice.GetProperty("points").GetDecimal());
        Assert.Contains("核实后撤销", notice.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_upheld_appeal_is_noticed_with_its_outcome_and_the_rescission_it_made()
    {
        var unit = await App.NewUnit("APL-1", "丁单位");
        var liaison = App.AsLiaison("APL-1");
        await App.Subscribe(new { kinds = new[] { "appealDecided", "entryRescinded" }, channel = "inbox" }, liaison);
        var entry = await Deduct(unit);
        var appeal = await App.Created("/api/appeals", new { entryId = entry.GetProperty("id").GetGuid(), reason = "已按时如实报告办理结果" });
        await App.Created($"/api/appeals/{appeal.GetProperty("id").GetGuid()}/decision", new { outcome = "upheld", reason = "经核实，报告属实" }, HttpStatusCode.OK);

        await NoticeApp.Until(async () => (await liaison.Get("/api/notices")).Json.GetArrayLength() == 2, "the decision's and the rescission's notices");
        var notices = (await liaison.Get("/api/notices")).Json.EnumerateArray().ToDictionary(n => n.GetProperty("kind").GetString()!);
        var decided = notices["appealDecided"];
        Assert.Contains("申诉成立", decided.GetProperty("title").GetString());
        Assert.Equal("D3.2", decided.GetProperty("clause").GetString());
        Assert.Equal(entry.GetProperty("id").GetGuid(), decided.GetProperty("entryId").GetGuid());
        Assert.Equal(entry.GetProperty("id").GetGuid(), notices["entryRescinded"].GetProperty("entryId").GetGuid());
    }
}
