using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Hosting;

public class HealthTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task Live_and_ready_answer_healthy_with_the_database_up()
    {
        var live = await App.Get("/health/live");
        var ready = await App.Get("/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Text));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Text));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_routes()
    {
        var doc = await App.Ok("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/entries", out _));
        Assert.True(paths.TryGetProperty("/api/units/{id}", out _));
    }

    [Fact]
    public async Task The_openapi_document_says_every_route_takes_a_bearer_token()
    {
        var doc = await App.Ok("/openapi/v1.json");
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var required = Assert.Single(doc.GetProperty("security").EnumerateArray().ToList());
        Assert.True(required.TryGetProperty("Bearer", out _));
    }
}
