using System.Net;
using System.Text.Json;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Evaluation;

/// <summary>An incomplete year-end evaluation is submitted and approved only with a recorded override (ADR 0066).</summary>
public class EvaluationCompletenessTests(LedgerApp app) : LedgerTest(app)
{
    internal static readonly (string Clause, decimal Max)[] UnitCriteria =
        [("U1.1", 10m), ("U1.2", 10m), ("U2.1", 4m), ("U2.2", 4m), ("U2.3", 6m), ("U2.4", 6m), ("U3.1", 8m), ("U3.2", 12m), ("U4.3", 5m), ("U4.5", 5m)];

    private static Guid Id(JsonElement e, string property = "id") => e.GetProperty(property).GetGuid();

    private async Task MarkAll(Guid unit, int year = 2020, params string[] except)
    {
        foreach (var (clause, max) in UnitCriteria.Where(c => !except.Contains(c.Clause)))
            await App.Created("/api/marks", new { year, clause, unitId = unit, points = max, reason = "年终考核" });
    }

    [Fact]
    public async Task Submit_and_approve_refuse_an_incomplete_evaluation_listing_what_is_missing_unless_overridden_with_a_reason()
    {
        var done = await App.NewUnit("DONE", "市住建局");
        var sparse = await App.NewUnit("SPARSE", "市交通局");
        await MarkAll(done);
        await MarkAll(sparse, except: ["U2.3", "U4.5"]);
        var draft = await App.Created("/api/evaluations", new { year = 2020 });
        var id = Id(draft);
        Assert.False(draft.GetProperty("missing").GetProperty("complete").GetBoolean());

        var refused = await Refused(() => App.Post($"/api/evaluations/{id}/submit", new { }), HttpStatusCode.Conflict);
        var missing = refused.Json.GetProperty("missing");
        var unmarked = missing.GetProperty("unmarked").EnumerateArray().Single();
        Assert.Equal(("unit", sparse), (unmarked.GetProperty("kind").GetString(), Id(unmarked, "subjectId")));
        Assert.Equal(["U2.3", "U4.5"], unmarked.GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains($"/api/evaluations/{id}/submit", refused.Json.GetProperty("detail").GetString());
        Assert.Contains("override", refused.Json.GetProperty("detail").GetString());

        await Refused(() => App.Post($"/api/evaluations/{id}/submit", new { @override = new { reason = "  " } }), HttpStatusCode.BadRequest, "override.reason");

        var submitted = await App.Created($"/api/evaluations/{id}/submit", new { @override = new { reason = "交通局两项待补，先行报送" } }, HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        var overrides = submitted.GetProperty("overrides").EnumerateArray().ToList();
        Assert.Equal(("submitted", "交通局两项待补，先行报送", "office"),
            (overrides[0].GetProperty("step").GetString(), overrides[0].GetProperty("reason").GetString(), overrides[0].GetProperty("by").GetString()));
        Assert.Equal(sparse, Id(overrides[0].GetProperty("missing").GetProperty("unmarked")[0], "subjectId"));
        Assert.Contains("交通局两项待补", submitted.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "submitted")
            .GetProperty("comments").GetString());

        // The leader decides for themselves: the office's override does not approve it.
        await Refused(() => App.Post($"/api/evaluations/{id}/approve", new { }), HttpStatusCode.Conflict);
        var approved = await App.Created($"/api/evaluations/{id}/approve", new { @override = new { reason = "同意，缺项年后补评" } }, HttpStatusCode.OK);
        Assert.Equal(["submitted", "approved"], approved.GetProperty("overrides").EnumerateArray().Select(o => o.GetProperty("step").GetString()));
        Assert.False(approved.GetProperty("missing").GetProperty("complete").GetBoolean());

        // The override is in the events, so the trail survives any read model.
        var reasons = await App.Rows($"select data ->> 'overrideReason' from \"{App.Schema}\".mt_events where type in ('evaluation_submitted', 'evaluation_approved') order by seq_id");
        Assert.Equal(["交通局两项待补，先行报送", "同意，缺项年后补评"], reasons.Select(r => (string?)r[0]));

        // Frozen: a mark recorded after approval changes nothing in the approved view.
        var frozen = (await App.Get($"/api/evaluations/{id}")).Text;
        await App.Created("/api/marks", new { year = 2020, clause = "U2.3", unitId = sparse, points = 6, reason = "补评" });
        Assert.Equal(frozen, (await App.Get($"/api/evaluations/{id}")).Text);
    }

    [Fact]
    public async Task A_complete_evaluation_is_submitted_and_approved_without_any_body()
    {
        var unit = await App.NewUnit();
        await MarkAll(unit);
        var id = Id(await App.Created("/api/evaluations", new { year = 2020 }));

        foreach (var step in new[] { "submit", "approve" })
        {
            var reply = await App.Send(HttpMethod.Post, $"/api/evaluations/{id}/{step}", null, null);
            Assert.True(reply.Status == HttpStatusCode.OK, $"{step} answered {(int)reply.Status}: {reply.Text}");
            Assert.True(reply.Json.GetProperty("missing").GetProperty("complete").GetBoolean());
            Assert.Empty(reply.Json.GetProperty("overrides").EnumerateArray());
        }
    }

    [Fact]
    public async Task A_second_draft_is_pointed_to_a_route_that_exists()
    {
        await App.NewUnit();
        var id = Id(await App.Created("/api/evaluations", new { year = 2020 }));
        var second = await Refused(() => App.Post("/api/evaluations", new { year = 2020 }), HttpStatusCode.Conflict, "year");
        var route = $"/api/evaluations/{id}/recompute";
        Assert.Contains($"POST {route}", second.Json.GetProperty("detail").GetString());
        Assert.DoesNotContain("amend", second.Json.GetProperty("detail").GetString());
        await App.Created(route, new { }, HttpStatusCode.OK);

        await App.Created($"/api/evaluations/{id}/submit", new { @override = new { reason = "测试" } }, HttpStatusCode.OK);
        var submitted = await Refused(() => App.Post("/api/evaluations", new { year = 2020 }), HttpStatusCode.Conflict, "year");
        Assert.Contains($"POST /api/evaluations/{id}/return", submitted.Json.GetProperty("detail").GetString());
    }
}

/// <summary>Monthly reports never received make an evaluation incomplete (ADR 0066); on a clock that can reach a unit's first year.</summary>
public class MissingMonthlyReportTests(CaseFeedApp app) : CaseFeedTest(app)
{
    [Fact]
    public async Task Units_without_monthly_reports_are_listed_and_a_late_report_counts_as_received()
    {
        var year = Stage();
        var unit = await App.NewUnit("REPORTS", "市水利局");
        foreach (var (clause, max) in EvaluationCompletenessTests.UnitCriteria)
            await App.Created("/api/marks", new { year, clause, unitId = unit, points = max, reason = "年终考核" });
        MoveTo(Local(year + 1, 1, 10));
        // Ten months reported, all late: received all the same. November and December never came.
        for (var month = 1; month <= 10; month++)
            await App.Created($"/api/units/{unit}/monthly-reports", new { month = $"{year}-{month:D2}", summary = "补报" });

        var draft = await App.Created("/api/evaluations", new { year });
        var id = draft.GetProperty("id").GetGuid();
        var reply = await App.Post($"/api/evaluations/{id}/submit", new { });
        Assert.True(reply.Status == HttpStatusCode.Conflict, $"submit answered {(int)reply.Status}: {reply.Text}");
        var missing = reply.Json.GetProperty("missing");
        Assert.Empty(missing.GetProperty("unmarked").EnumerateArray());
        var reports = missing.GetProperty("missingReports").EnumerateArray().Single();
        Assert.Equal("REPORTS", reports.GetProperty("code").GetString());
        Assert.Equal([$"{year}-11", $"{year}-12"], reports.GetProperty("months").EnumerateArray().Select(m => m.GetString()!));
    }
}
