using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Security;

/// <summary>A token's claims are input like any other; and the edges a hostile client found answer as problem details.</summary>
[Collection(SecurityCollection.Name)]
public class ClaimAndEdgeTests(LedgerApp app) : LedgerTest(app)
{
    public static TheoryData<string> RefusedNames => new()
    {
        "   ", "\u0007bell", "a\u200Bb", "\u202Eevil", "a\u0000b", new string('名', 5000), "\uFEFFoffice",
    };

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public async Task A_token_whose_name_claim_the_ledger_would_not_record_is_a_401_naming_the_claim(string name)
    {
        var before = await App.EventCount();
        var caller = App.As(name, LedgerApp.DefaultRoles);
        var reply = await caller.Post("/api/units", new { code = "CLAIM", name = "声明" });
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Contains("'name' claim", reply.Json.GetProperty("detail").GetString());
        Assert.Equal(before, await App.EventCount());
    }

    [Theory]
    [InlineData("王芳")]
    [InlineData("𠀀明")] // a rare character outside the BMP, as some names have
    public async Task A_chinese_name_is_accepted(string name)
    {
        var reply = await App.As(name, LedgerApp.DefaultRoles).Post("/api/units", new { code = "C" + Guid.NewGuid().ToString("N")[..6], name = "声明" });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
    }

    [Fact]
    public async Task The_csv_feed_refuses_control_characters_as_the_json_feed_does()
    {
        var csv = "eventId,caseNumber,type,at\nrs\u0007csv-7,C7,assigned,2020-05-10T01:00:00Z\n";
        var before = await App.EventCount();
        var reply = await App.Send(HttpMethod.Post, "/api/cases/events.csv", new StringContent(csv, Encoding.UTF8, "text/csv"), null);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotEmpty(reply.ErrorsFor("events[0].eventId"));
        Assert.Equal(before, await App.EventCount());
    }

    [Fact]
    public async Task A_500_carries_its_correlation_id_as_a_header()
    {
        // The store itself fails the write: an error nobody turned into an answer.
        await App.Sql($"""
            create function "{App.Schema}".fail_writes() returns trigger language plpgsql as $$
            begin raise exception 'the store fails'; end $$;
            create trigger fail_writes before insert on "{App.Schema}".hl_ledger_chain
            for each row execute function "{App.Schema}".fail_writes();
            """);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/units") { Content = System.Net.Http.Json.JsonContent.Create(new { code = "FAIL500", name = "失败" }) };
            request.Headers.Add("X-Correlation-Id", "corr-500-check");
            using var response = await App.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("corr-500-check", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        }
        finally
        {
            await App.Sql($"""drop trigger fail_writes on "{App.Schema}".hl_ledger_chain; drop function "{App.Schema}".fail_writes();""");
        }
    }

    [Fact]
    public async Task A_post_without_content_type_is_a_415_problem()
    {
        var before = await App.EventCount();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"code\":\"NOTYPE\",\"name\":\"无类型\"}"));
        content.Headers.ContentType = null;
        var reply = await App.Send(HttpMethod.Post, "/api/units", content, null);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal(before, await App.EventCount());
    }
}
