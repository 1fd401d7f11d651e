using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>S4: accountability referrals on the approved result, and the evidence bundle an inspector opens.</summary>
public class ReferralTests(CommendationApp app) : CommendationTest(app)
{
    [Fact]
    public async Task Referrals_wait_for_the_approved_result_and_are_made_once()
    {
        var unit = await App.NewUnit();
        await Deduct(unit, "D3.2");

        var early = await Refused(() => App.Post("/api/referrals", new { year = 2020 }), HttpStatusCode.Conflict, "year");
        Assert.Contains("a leader approve it first", Detail(early));
        await ApproveYear();

        var round = await App.Created("/api/referrals", new { year = 2020 });
        var referral = round.GetProperty("referrals").EnumerateArray().Single();
        Assert.Equal(unit, Id(referral, "unitId"));
        Assert.Equal("office", referral.GetProperty("referredBy").GetString());
        Assert.Equal(["D2", "D3.2"], round.GetProperty("rules").GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));

        var twice = await Refused(() => App.Post("/api/referrals", new { year = 2020 }), HttpStatusCode.Conflict, "year");
        Assert.Contains("1 referral(s)", Detail(twice));
        Assert.Equal(Id(referral), Id(await App.Ok($"/api/referrals/{Id(referral)}")));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/referrals/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Get($"/api/referrals/{Guid.NewGuid()}/bundle")).Status);
    }

    [Fact]
    public async Task Deductions_that_reach_the_threshold_refer_a_unit_and_an_individual_on_their_own()
    {
        var reached = await App.NewUnit("R20", "达阈值局");
        var below = await App.NewUnit("B15", "未达局");
        var person = await App.NewPerson(reached, name: "屡被投诉");
        await Deduct(reached, "D1", 10, person, "2020-03-01");
        await Deduct(reached, "D1", 10, person, "2020-04-01");
        await Deduct(below, "D1", 10, occurredOn: "2020-03-01");
        await Deduct(below, "D3.3", occurredOn: "2020-04-06");
        await ApproveYear();

        var referrals = (await App.Created("/api/referrals", new { year = 2020 })).GetProperty("referrals").EnumerateArray().ToList();
        Assert.Equal([("unit", reached), ("person", person)],
            referrals.Select(r => (r.GetProperty("kind").GetString(), Id(r, r.GetProperty("kind").GetString() == "unit" ? "unitId" : "personId"))));
        Assert.All(referrals, r =>
        {
            var ground = r.GetProperty("grounds").EnumerateArray().Single();
            Assert.Equal(("threshold", -20m, 2), (ground.GetProperty("kind").GetString(), ground.GetProperty("points").GetDecimal(), ground.GetProperty("entryIds").GetArrayLength()));
        });
        Assert.Empty((await App.Ok($"/api/referrals?unitId={below}")).EnumerateArray());
    }

    [Fact]
    public async Task A_year_with_no_one_to_refer_is_a_round_too()
    {
        await App.NewUnit();
        await ApproveYear();

        var round = await App.Created("/api/referrals", new { year = 2020 });
        Assert.Empty(round.GetProperty("referrals").EnumerateArray());
        await Refused(() => App.Post("/api/referrals", new { year = 2020 }), HttpStatusCode.Conflict, "year");
    }

    [Fact]
    public async Task The_bundle_is_one_zip_with_every_deduction_its_evidence_and_history_and_checksums_that_hold()
    {
        var unit = await App.NewUnit("X1", "<script>alert(1)</script>市某局");
        var counted = await Deduct(unit, "D3.2", occurredOn: "2020-03-03", caseNumber: "XY-2020-0303",
            evidence: [new { title = "回访录音", reference = "=HYPERLINK(\"http://x\")", sha256 = new string('b', 64) }]);
        var laterRescinded = await Deduct(unit, "D2", 8, occurredOn: "2020-07-07", caseNumber: "XY-2020-0707");
        // The platform sent one of the two cases; the other the ledger knows only by its number.
        var fed = await App.Created("/api/cases/events", new
        {
            events = new object[]
            {
                new { eventId = "P-1", caseNumber = "XY-2020-0303", type = "assigned", at = "2020-03-01T01:00:00Z", unitId = unit, replyDueAt = "2020-03-04T01:00:00Z", completionDueAt = "2020-03-20T01:00:00Z" },
                new { eventId = "P-2", caseNumber = "XY-2020-0303", type = "replied", at = "2020-03-02T01:00:00Z" },
            },
        }, HttpStatusCode.OK);
        Assert.Equal(2, fed.GetProperty("accepted").GetInt32());
        var upheld = await Deduct(unit, "D1", 5, occurredOn: "2020-08-08");
        var appeal = await App.Created("/api/appeals", new { entryId = Id(upheld), reason = "投诉不属实", evidence = new[] { new { title = "核查报告", reference = "oa://check/1" } } });
        await Step($"/api/appeals/{Id(appeal)}/decision", new { outcome = "upheld", reason = "核查属实，撤销扣分" });
        await ApproveYear();
        var referral = (await App.Created("/api/referrals", new { year = 2020 })).GetProperty("referrals")[0];
        // Learned the next day, after the result was approved: the bundle shows it, the referral's grounds do not change.
        Clock.Advance(TimeSpan.FromDays(1));
        await Step($"/api/entries/{Id(laterRescinded)}/rescind", new { reason = "上级复核撤销" });

        using var response = await App.Client.GetAsync($"/api/referrals/{Id(referral)}/bundle");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("referral-2020-unit-X1.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var archive = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        // Every file is what SHA256SUMS says it is.
        var sums = Text(archive, "SHA256SUMS").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, sums.Length);
        foreach (var line in sums)
        {
            var (hash, name) = (line[..64], line[66..]);
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(Bytes(archive, name))));
        }

        var bundle = JsonDocument.Parse(Text(archive, "referral.json")).RootElement;
        var entries = bundle.GetProperty("entries").EnumerateArray().ToDictionary(e => Id(e.GetProperty("entry")));
        Assert.Equal((true, false, true), Flags(entries[Id(counted)]));
        Assert.Equal((true, true, true), Flags(entries[Id(laterRescinded)]));
        Assert.Equal("rescinded", entries[Id(laterRescinded)].GetProperty("entry").GetProperty("status").GetString());
        Assert.Equal((false, false, false), Flags(entries[Id(upheld)]));
        Assert.Equal("upheld", bundle.GetProperty("appeals")[0].GetProperty("status").GetString());
        Assert.Equal(-18m, bundle.GetProperty("result").GetProperty("deductionTotal").GetDecimal());
        Assert.Equal("X1", bundle.GetProperty("referral").GetProperty("unitCode").GetString());

        var cases = bundle.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(["XY-2020-0303", "XY-2020-0707"], cases.Select(c => c.GetProperty("caseNumber").GetString()));
        Assert.Equal(["assigned", "replied"], cases[0].GetProperty("case").GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("type").GetString()));
        Assert.Equal(JsonValueKind.Null, cases[1].GetProperty("case").ValueKind);

        var html = Text(archive, "referral.html");
        Assert.Contains("平台未推送", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("撤销于考评结果之后", html);

        var evidence = Text(archive, "evidence.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, evidence.Length); // header, the entry's recording, the appeal's report
        Assert.Equal("\"来源\",\"来源编号\",\"条目编号\",\"证据名称\",\"出处\",\"SHA-256\"", evidence[0]);
        Assert.StartsWith("\"条目编号\",\"条款\",\"分值\"", Text(archive, "entries.csv").TrimStart('\uFEFF'));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", evidence[1]);
        Assert.Contains(new string('b', 64), evidence[1]);
        Assert.Equal(4, Text(archive, "entries.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static (bool Counted, bool RescindedSince, bool Cited) Flags(JsonElement e) =>
        (e.GetProperty("countedInResult").GetBoolean(), e.GetProperty("rescindedSinceResult").GetBoolean(), e.GetProperty("citedByGrounds").GetBoolean());

    private static byte[] Bytes(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(ZipArchive archive, string name) => Encoding.UTF8.GetString(Bytes(archive, name)).TrimStart('\uFEFF');
}
