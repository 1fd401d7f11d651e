using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Evaluation;

public class EvaluationTests(LedgerApp app) : LedgerTest(app)
{
    private static Guid Id(JsonElement e, string property = "id") => e.GetProperty(property).GetGuid();

    private async Task Mark(Guid unit, string clause, decimal points) =>
        await App.Created("/api/marks", new { year = 2020, clause, unitId = unit, points, reason = "年终考核" });

    /// <summary>Marks every unit criterion at its maximum less <paramref name="short"/> on U3.2 (so 100 − short).</summary>
    private async Task MarkAll(Guid unit, decimal @short)
    {
        foreach (var (clause, max) in new[] { ("U1.1", 10m), ("U1.2", 10m), ("U2.1", 4m), ("U2.2", 4m), ("U2.3", 6m), ("U2.4", 6m), ("U3.1", 8m), ("U4.3", 5m), ("U4.5", 5m) })
            await Mark(unit, clause, max);
        await Mark(unit, "U3.2", 12m - @short);
    }

    private Task<Reply> Step(Guid id, string step, object? body = null) => App.Post($"/api/evaluations/{id}/{step}", body ?? new { });

    [Fact]
    public async Task A_year_end_evaluation_goes_draft_submitted_returned_resubmitted_approved_and_is_then_frozen()
    {
        var best = await App.NewUnit("BEST", "市住建局");
        var good = await App.NewUnit("GOOD", "市交通局");
        var none = await App.NewUnit("NONE", "市某局");
        await MarkAll(best, 0m); // 70: the computed criteria (U4.1, U4.2, U4.4) carry nothing without case data
        await MarkAll(good, 0m);
        foreach (var (clause, points) in new[] { ("B4", 10m), ("B2.3", 5m), ("B2.2", 3m), ("B1", 2m) })
            await App.Created("/api/entries", new { clause, unitId = best, occurredOn = "2020-11-01", points, reason = "表扬" });
        foreach (var (clause, points) in new[] { ("B2.3", 5m), ("B2.2", 3m), ("B1", 2m) })
            await App.Created("/api/entries", new { clause, unitId = good, occurredOn = "2020-11-01", points, reason = "表扬" });

        var draft = await App.Created("/api/evaluations", new { year = 2020 });
        var id = Id(draft);
        Assert.Equal(("draft", "2020-12-31"), (draft.GetProperty("status").GetString(), draft.GetProperty("asOf").GetString()));
        var units = draft.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal([("BEST", 90m, "优秀"), ("GOOD", 80m, "良好"), ("NONE", 0m, "不合格")],
            units.Select(u => (u.GetProperty("code").GetString(), u.GetProperty("total").GetDecimal(), u.GetProperty("grade").GetString())));
        Assert.Equal(13, units[0].GetProperty("criteria").GetArrayLength());
        Assert.Equal(none, Id(units[2], "unitId"));

        await App.Created($"/api/evaluations/{id}/remarks", new { unitId = best, text = "工作扎实，成效显著" }, HttpStatusCode.OK);
        var submitted = await App.Created($"/api/evaluations/{id}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());

        var returned = await App.Created($"/api/evaluations/{id}/return", new { comments = "请补充对市交通局的评语" }, HttpStatusCode.OK);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        await App.Created($"/api/evaluations/{id}/remarks", new { unitId = good, text = "办理质量有待提高" }, HttpStatusCode.OK);
        await App.Created($"/api/evaluations/{id}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);
        var approved = await App.Created($"/api/evaluations/{id}/approve", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);

        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("office", approved.GetProperty("approvedBy").GetString());
        Assert.Equal(["drafted", "remarked", "submitted", "returned", "remarked", "submitted", "approved"],
            approved.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Equal("请补充对市交通局的评语", approved.GetProperty("steps")[3].GetProperty("comments").GetString());
        Assert.All(approved.GetProperty("steps").EnumerateArray(), s => Assert.Equal("office", s.GetProperty("by").GetString()));
        Assert.Equal(2, approved.GetProperty("remarks").GetArrayLength());
        Assert.Equal(draft.GetProperty("units").GetRawText(), approved.GetProperty("units").GetRawText());
        Assert.Equal(draft.GetProperty("sha256").GetString(), approved.GetProperty("sha256").GetString());

        // Frozen: every step is refused, and later entries change nothing.
        var frozen = (await App.Get($"/api/evaluations/{id}")).Text;
        foreach (var (step, body) in new (string, object?)[] { ("submit", null), ("approve", null), ("recompute", null), ("return", new { comments = "再议" }), ("remarks", new { unitId = good, text = "改" }) })
        {
            var refused = await Refused(() => Step(id, step, body), HttpStatusCode.Conflict);
            Assert.Contains("approved", refused.Json.GetProperty("detail").GetString());
        }

        await App.Created("/api/entries", new { clause = "D3.2", unitId = best, occurredOn = "2020-12-01", reason = "虚假办结" });
        Assert.Equal(frozen, (await App.Get($"/api/evaluations/{id}")).Text);
        var listed = (await App.Ok("/api/evaluations?year=2020&status=approved")).EnumerateArray().Single();
        Assert.Equal(id, Id(listed));
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_and_say_what_must_happen_first()
    {
        var unit = await App.NewUnit();
        var id = Id(await App.Created("/api/evaluations", new { year = 2020 }));

        var approve = await Refused(() => Step(id, "approve"), HttpStatusCode.Conflict);
        Assert.Contains("submit it first", approve.Json.GetProperty("detail").GetString());
        await Refused(() => Step(id, "return", new { comments = "x" }), HttpStatusCode.Conflict);

        await App.Created($"/api/evaluations/{id}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);
        var twice = await Refused(() => Step(id, "submit"), HttpStatusCode.Conflict);
        Assert.Contains("approves it or returns it first", twice.Json.GetProperty("detail").GetString());
        var remark = await Refused(() => Step(id, "remarks", new { unitId = unit, text = "x" }), HttpStatusCode.Conflict);
        Assert.Contains("return it first", remark.Json.GetProperty("detail").GetString());

        await App.Created($"/api/evaluations/{id}/return", new { comments = "重算" }, HttpStatusCode.OK);
        var again = await Refused(() => Step(id, "approve"), HttpStatusCode.Conflict);
        Assert.Contains("submit it again first", again.Json.GetProperty("detail").GetString());

        await Refused(() => Step(id, "return", new { comments = "" }), HttpStatusCode.BadRequest, "comments");
        await Refused(() => Step(id, "remarks", new { unitId = Guid.NewGuid(), text = "x" }), HttpStatusCode.BadRequest, "unitId");
        Assert.Equal(HttpStatusCode.NotFound, (await Step(Guid.NewGuid(), "submit")).Status);
    }

    [Fact]
    public async Task A_year_is_evaluated_once_and_only_after_it_ends()
    {
        await App.Created("/api/evaluations", new { year = 2020 });
        await Refused(() => App.Post("/api/evaluations", new { year = 2020 }), HttpStatusCode.Conflict, "year");
        var thisYear = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        var open = await Refused(() => App.Post("/api/evaluations", new { year = thisYear }), HttpStatusCode.Conflict, "year");
        Assert.Contains($"{thisYear}-12-31", open.Json.GetProperty("detail").GetString());
        await Refused(() => App.Post("/api/evaluations", new { year = 1900 }), HttpStatusCode.BadRequest, "year");
    }

    [Fact]
    public async Task A_draft_the_ledger_has_moved_past_is_recomputed_before_it_is_submitted()
    {
        var unit = await App.NewUnit();
        var draft = await App.Created("/api/evaluations", new { year = 2020 });
        Assert.Equal(0m, draft.GetProperty("units")[0].GetProperty("total").GetDecimal());
        await App.Created("/api/entries", new { clause = "B1", unitId = unit, occurredOn = "2020-09-09", reason = "信息被采用" });

        var stale = await Refused(() => Step(Id(draft), "submit"), HttpStatusCode.Conflict);
        Assert.Contains("recompute first", stale.Json.GetProperty("detail").GetString());

        var recomputed = await App.Created($"/api/evaluations/{Id(draft)}/recompute", new { }, HttpStatusCode.OK);
        Assert.Equal(2m, recomputed.GetProperty("units")[0].GetProperty("total").GetDecimal());
        Assert.NotEqual(draft.GetProperty("sha256").GetString(), recomputed.GetProperty("sha256").GetString());
        await App.Created($"/api/evaluations/{Id(draft)}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pending_appeals_hold_up_submission_and_approval_and_an_approved_year_takes_no_more_appeals()
    {
        var unit = await App.NewUnit();
        var entry = await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-08-01", points = 5, reason = "被投诉" });
        var other = await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-08-02", points = 5, reason = "被投诉" });
        var appeal = await App.Created("/api/appeals", new { entryId = Id(entry), reason = "不实" });
        var id = Id(await App.Created("/api/evaluations", new { year = 2020 }));

        var held = await Refused(() => Step(id, "submit"), HttpStatusCode.Conflict);
        Assert.Contains(Id(appeal).ToString(), held.Json.GetProperty("detail").GetString());
        Assert.Contains("decide them first", held.Json.GetProperty("detail").GetString());

        await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "rejected", reason = "证据不足" }, HttpStatusCode.OK);
        await App.Created($"/api/evaluations/{id}/submit", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);

        var late = await App.Created("/api/appeals", new { entryId = Id(other), reason = "不实" });
        await Refused(() => Step(id, "approve"), HttpStatusCode.Conflict);
        await App.Created($"/api/appeals/{Id(late)}/decision", new { outcome = "rejected", reason = "证据不足" }, HttpStatusCode.OK);
        await App.Created($"/api/evaluations/{id}/approve", new { @override = new { reason = "测试数据：评分与月报未齐，按现有结果办理" } }, HttpStatusCode.OK);

        var third = await App.Created("/api/entries", new { clause = "D1", unitId = unit, occurredOn = "2020-08-03", points = 5, reason = "被投诉" });
        var closed = await Refused(() => App.Post("/api/appeals", new { entryId = Id(third), reason = "不实" }), HttpStatusCode.Conflict);
        Assert.Contains("approved", closed.Json.GetProperty("detail").GetString());
    }
}
