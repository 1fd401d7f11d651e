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
}
