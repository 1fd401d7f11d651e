using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Evaluation;

public class AppealTests(LedgerApp app) : LedgerTest(app)
{
    private async Task<JsonElement> Entry(string clause, Guid unit, Guid? person = null, decimal? points = null, string occurredOn = "2020-05-10") =>
        await App.Created("/api/entries", new { clause, unitId = unit, personId = person, occurredOn, points, reason = "拖延办理被投诉", caseNumber = "XY-2020-0042" });

    private static Guid Id(JsonElement e, string property = "id") => e.GetProperty(property).GetGuid();

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("O"));

    private async Task<decimal> UnitTotal(Guid unit, DateTimeOffset? knownAt = null, int year = 2020) =>
        (await App.Ok($"/api/units/{unit}/score?year={year}{(knownAt is { } k ? $"&knownAt={Iso(k)}" : "")}")).GetProperty("total").GetDecimal();

    // A criterion is contested while its year's window is open: the current year's always is.
    private static int ThisYear => TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;

    private Task<JsonElement> Appeal(Guid entryId) =>
        App.Created("/api/appeals", new
        {
            entryId, reason = "该件已按时办结，投诉不实",
            evidence = new[] { new { title = "办结回执", reference = "HZ-2020-0042" } },
        });

    [Fact]
    public async Task An_upheld_appeal_rescinds_the_entry_and_the_score_changes_only_from_the_decision()
    {
        var unit = await App.NewUnit();
        var entry = await Entry("D1", unit, points: 7);
        var appeal = await Appeal(Id(entry));
        Assert.Equal("pending", appeal.GetProperty("status").GetString());
        Assert.Equal(Id(entry), Id(appeal, "entryId"));
        Assert.Equal("office", appeal.GetProperty("filedBy").GetString());

        var eventsBefore = await App.EventCount();
        var decided = await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "经核实，已按时办结" }, HttpStatusCode.OK);
        Assert.Equal(eventsBefore + 2, await App.EventCount()); // the rescission and the decision, together
        Assert.Equal("upheld", decided.GetProperty("status").GetString());
        var decision = decided.GetProperty("decision");
        Assert.Equal(Id(entry), Id(decision, "rescindedEntryId"));
        var decidedAt = decision.GetProperty("decidedAt").GetDateTimeOffset();
        var rescinded = await App.Ok($"/api/entries/{Id(entry)}");
        Assert.Equal("rescinded", rescinded.GetProperty("status").GetString());
        Assert.Equal(Id(appeal), Id(rescinded.GetProperty("rescission"), "appealId"));
        var rescindedAt = rescinded.GetProperty("rescission").GetProperty("rescindedAt").GetDateTimeOffset();

        // The compensation is stamped in the decision's transaction, never before the decision itself.
        Assert.InRange(rescindedAt - decidedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(-7m, await UnitTotal(unit, decidedAt.AddTicks(-10)));
        Assert.Equal(0m, await UnitTotal(unit, rescindedAt));
        Assert.Equal(0m, await UnitTotal(unit));
    }

    [Fact]
    public async Task An_upheld_appeal_with_corrected_points_re_records_the_entry_for_unit_and_person()
    {
        var unit = await App.NewUnit();
        var person = await App.NewPerson(unit);
        var entry = await Entry("D2", unit, person, points: 10);
        var appeal = await Appeal(Id(entry));

        var eventsBefore = await App.EventCount();
        var decided = await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "情节较轻", correctedPoints = 6 }, HttpStatusCode.OK);
        Assert.Equal(eventsBefore + 3, await App.EventCount()); // rescission, corrected entry, decision: one transaction
        var decision = decided.GetProperty("decision");
        var decidedAt = decision.GetProperty("decidedAt").GetDateTimeOffset();
        Assert.Equal(6m, decision.GetProperty("correctedPoints").GetDecimal());

        var correction = await App.Ok($"/api/entries/{Id(decision, "correctionEntryId")}");
        Assert.Equal(("D2", -6m, "2020-05-10", "XY-2020-0042", "active"),
            (correction.GetProperty("clause").GetString(), correction.GetProperty("points").GetDecimal(),
                correction.GetProperty("occurredOn").GetString(), correction.GetProperty("caseNumber").GetString(), correction.GetProperty("status").GetString()));
        Assert.Equal(person, Id(correction, "personId"));
        Assert.Equal(Id(appeal), Id(correction, "appealId"));
        var correctedAt = correction.GetProperty("recordedAt").GetDateTimeOffset();
        Assert.InRange(correctedAt - decidedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        Assert.Equal(-10m, await UnitTotal(unit, decidedAt.AddTicks(-10)));
        Assert.Equal(-6m, await UnitTotal(unit, correctedAt));
        // The person's total also carries I7, computed from complaints (D1): none, so its full 10 (ADR 0022).
        Assert.Equal(4m, (await App.Ok($"/api/people/{person}/score?year=2020")).GetProperty("total").GetDecimal());
        var personBefore = await App.Ok($"/api/people/{person}/score?year=2020&knownAt={Iso(decidedAt.AddTicks(-10))}");
        Assert.Equal(0m, personBefore.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_rejected_appeal_keeps_the_entry_and_says_why()
    {
        var unit = await App.NewUnit();
        var entry = await Entry("D3.2", unit);
        var appeal = await Appeal(Id(entry));
        var decided = await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "rejected", reason = "回访记录证实办理结果不实" }, HttpStatusCode.OK);

        Assert.Equal("rejected", decided.GetProperty("status").GetString());
        Assert.Equal("回访记录证实办理结果不实", decided.GetProperty("decision").GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("decision").GetProperty("rescindedEntryId").ValueKind);
        Assert.Equal("active", (await App.Ok($"/api/entries/{Id(entry)}")).GetProperty("status").GetString());
        Assert.Equal(-10m, await UnitTotal(unit));
    }

    [Fact]
    public async Task A_second_decision_is_refused_and_changes_nothing()
    {
        var unit = await App.NewUnit();
        var appeal = await Appeal(Id(await Entry("D1", unit, points: 5)));
        await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "rejected", reason = "不成立" }, HttpStatusCode.OK);

        var reply = await Refused(() => App.Post($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "再议" }), HttpStatusCode.Conflict);
        Assert.Contains("rejected", reply.Json.GetProperty("detail").GetString());
        Assert.Equal(-5m, await UnitTotal(unit));
    }

    [Fact]
    public async Task Two_racing_decisions_commit_exactly_one()
    {
        var unit = await App.NewUnit();
        var appeal = await Appeal(Id(await Entry("D1", unit, points: 8)));

        var replies = await Task.WhenAll(
            App.Post($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "成立" }),
            App.Post($"/api/appeals/{Id(appeal)}/decision", new { outcome = "rejected", reason = "不成立" }));

        Assert.Single(replies, r => r.Status == HttpStatusCode.OK);
        Assert.Single(replies, r => r.Status == HttpStatusCode.Conflict);
        var final = await App.Ok($"/api/appeals/{Id(appeal)}");
        Assert.Equal(final.GetProperty("status").GetString() == "upheld" ? 0m : -8m, await UnitTotal(unit));
    }

    [Fact]
    public async Task Appeals_that_cannot_be_filed_or_decided_are_refused_with_the_reason()
    {
        var unit = await App.NewUnit();
        var entry = await Entry("D1", unit, points: 6);

        await Refused(() => App.Post("/api/appeals", new { entryId = Guid.NewGuid(), reason = "r" }), HttpStatusCode.BadRequest, "entryId");
        await Refused(() => App.Post("/api/appeals", new { reason = "r" }), HttpStatusCode.BadRequest, "entryId");
        await Refused(() => App.Post("/api/appeals", new { entryId = Id(entry), criterion = "U1.1", reason = "r" }), HttpStatusCode.BadRequest, "criterion");
        await Refused(() => App.Post("/api/appeals", new { entryId = Id(entry), reason = "" }), HttpStatusCode.BadRequest, "reason");

        var appeal = await Appeal(Id(entry));
        var twice = await Refused(() => App.Post("/api/appeals", new { entryId = Id(entry), reason = "again" }), HttpStatusCode.Conflict, "entryId");
        Assert.Contains(Id(appeal).ToString(), twice.Json.GetProperty("detail").GetString());

        var url = $"/api/appeals/{Id(appeal)}/decision";
        await Refused(() => App.Post(url, new { outcome = "maybe", reason = "r" }), HttpStatusCode.BadRequest, "outcome");
        await Refused(() => App.Post(url, new { outcome = "rejected", reason = "r", correctedPoints = 5 }), HttpStatusCode.BadRequest, "correctedPoints");
        await Refused(() => App.Post(url, new { outcome = "upheld", reason = "r", correctedPoints = 12 }), HttpStatusCode.BadRequest, "correctedPoints");
        await Refused(() => App.Post(url, new { outcome = "upheld", reason = "r", correctedPoints = 6 }), HttpStatusCode.BadRequest, "correctedPoints");
        await Refused(() => App.Post($"/api/appeals/{Guid.NewGuid()}/decision", new { outcome = "upheld", reason = "r" }), HttpStatusCode.NotFound);

        var rescinded = await Entry("D1", unit, points: 5);
        await App.Created($"/api/entries/{Id(rescinded)}/rescind", new { reason = "录入错误" }, HttpStatusCode.OK);
        await Refused(() => App.Post("/api/appeals", new { entryId = Id(rescinded), reason = "r" }), HttpStatusCode.Conflict, "entryId");
    }

    [Fact]
    public async Task An_entry_rescinded_by_the_office_while_its_appeal_is_pending_is_upheld_without_a_second_rescission()
    {
        var unit = await App.NewUnit();
        var entry = await Entry("D1", unit, points: 6);
        var appeal = await Appeal(Id(entry));
        await App.Created($"/api/entries/{Id(entry)}/rescind", new { reason = "复核撤销" }, HttpStatusCode.OK);

        await Refused(() => App.Post($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "r", correctedPoints = 5 }),
            HttpStatusCode.Conflict, "correctedPoints");
        var decided = await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "已撤销" }, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("decision").GetProperty("rescindedEntryId").ValueKind);
        Assert.Equal("复核撤销", (await App.Ok($"/api/entries/{Id(entry)}")).GetProperty("rescission").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_marked_criterion_appeal_upheld_re_marks_it_from_the_decision_on()
    {
        var unit = await App.NewUnit();
        await App.Created("/api/marks", new { year = ThisYear, clause = "U1.1", unitId = unit, points = 4, reason = "领导重视不够" });
        var appeal = await App.Created("/api/appeals", new { criterion = "U1.1", unitId = unit, year = ThisYear, reason = "主要领导多次批示" });
        Assert.Equal("criterion", appeal.GetProperty("kind").GetString());
        Assert.Equal("U1.1", appeal.GetProperty("criterion").GetString());
        Assert.Equal(4m, appeal.GetProperty("contestedPoints").GetDecimal());

        await Refused(() => App.Post($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "r" }), HttpStatusCode.BadRequest, "correctedPoints");
        await Refused(() => App.Post($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "r", correctedPoints = 11 }), HttpStatusCode.BadRequest, "correctedPoints");
        var decided = await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "材料属实", correctedPoints = 9 }, HttpStatusCode.OK);
        var decidedAt = decided.GetProperty("decision").GetProperty("decidedAt").GetDateTimeOffset();
        var mark = await App.Ok($"/api/marks/{Id(decided.GetProperty("decision"), "markId")}");
        Assert.Equal("U1.1", mark.GetProperty("clause").GetString());
        var markedAt = mark.GetProperty("recordedAt").GetDateTimeOffset();
        Assert.InRange(markedAt - decidedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        Assert.Equal(4m, await UnitTotal(unit, decidedAt.AddTicks(-10), ThisYear));
        Assert.Equal(9m, await UnitTotal(unit, markedAt, ThisYear));
    }

    [Fact]
    public async Task A_computed_criterion_appeal_is_decided_without_a_mark_and_refuses_points()
    {
        var unit = await App.NewUnit();
        var appeal = await App.Created("/api/appeals", new { criterion = "U4.1", unitId = unit, year = ThisYear, reason = "办结率统计有误" });
        Assert.Equal(JsonValueKind.Null, appeal.GetProperty("contestedPoints").ValueKind);

        await Refused(() => App.Post($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "r", correctedPoints = 15 }), HttpStatusCode.BadRequest, "correctedPoints");
        var decided = await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "已更正案件数据" }, HttpStatusCode.OK);
        Assert.Equal("upheld", decided.GetProperty("status").GetString());

        await Refused(() => App.Post("/api/appeals", new { criterion = "U4", unitId = unit, year = 2020, reason = "r" }), HttpStatusCode.BadRequest, "criterion");
        await Refused(() => App.Post("/api/appeals", new { criterion = "I1", unitId = unit, year = 2020, reason = "r" }), HttpStatusCode.BadRequest, "criterion");
        await Refused(() => App.Post("/api/appeals", new { criterion = "U4.1", unitId = unit, year = ThisYear, reason = "again" }), HttpStatusCode.Conflict, "criterion");
        await Refused(() => App.Post("/api/appeals", new { criterion = "U4.2", unitId = Guid.NewGuid(), year = 2020, reason = "r" }), HttpStatusCode.BadRequest, "unitId");
    }

    [Fact]
    public async Task The_evidence_trail_shows_the_appeal_and_every_step_as_known_at_the_time()
    {
        var unit = await App.NewUnit();
        var entry = await Entry("D1", unit, points: 8);
        var appeal = await Appeal(Id(entry));
        var decided = await App.Created($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "部分成立", correctedPoints = 5 }, HttpStatusCode.OK);
        var correctionId = Id(decided.GetProperty("decision"), "correctionEntryId");

        var rows = (await App.Ok($"/api/evidence?unitId={unit}")).EnumerateArray().ToList();
        Assert.Equal(["entry", "appeal", "appealDecision", "entry"], rows.Select(r => r.GetProperty("what").GetString()));
        Assert.Equal(("rescinded", Id(appeal)), (rows[0].GetProperty("status").GetString(), Id(rows[0], "appealId")));
        Assert.Equal(("upheld", "该件已按时办结，投诉不实", "HZ-2020-0042"),
            (rows[1].GetProperty("status").GetString(), rows[1].GetProperty("reason").GetString(), rows[1].GetProperty("evidence")[0].GetProperty("reference").GetString()));
        Assert.Equal(Id(entry), Id(rows[1], "entryId"));
        Assert.Equal(("upheld", "部分成立", "office"),
            (rows[2].GetProperty("status").GetString(), rows[2].GetProperty("reason").GetString(), rows[2].GetProperty("recordedBy").GetString()));
        Assert.Equal((correctionId, -5m, Id(appeal)), (Id(rows[3]), rows[3].GetProperty("points").GetDecimal(), Id(rows[3], "appealId")));

        // As known before the decision: the appeal is pending and the entry stands.
        var before = (await App.Ok($"/api/evidence?unitId={unit}&knownAt={Iso(rows[2].GetProperty("recordedAt").GetDateTimeOffset().AddTicks(-10))}")).EnumerateArray().ToList();
        Assert.Equal(["entry", "appeal"], before.Select(r => r.GetProperty("what").GetString()));
        Assert.Equal(("active", "pending"), (before[0].GetProperty("status").GetString(), before[1].GetProperty("status").GetString()));

        var csv = await App.Send(HttpMethod.Get, $"/api/evidence?unitId={unit}", null, null, accept: "text/csv");
        Assert.Contains("\"appealDecision\"", csv.Text);
        Assert.EndsWith("\"被申诉记录编号\",\"申诉编号\",\"月份\"", csv.Text.Split("\r\n")[0]);
    }
}
