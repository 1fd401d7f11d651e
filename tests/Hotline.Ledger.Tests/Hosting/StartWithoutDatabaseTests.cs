using System.Net;
using Alba;
using Hotline.Ledger.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Hotline.Ledger.Tests.Hosting;

/// <summary>The service starts while PostgreSQL does not answer, says so on /health/ready, and keeps trying.</summary>
public class StartWithoutDatabaseTests
{
    [Fact]
    public async Task Without_PostgreSQL_the_service_starts_live_answers_200_and_ready_503()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        // Nothing listens on port 1: every connection is refused at once.
        await using var host = await AlbaHost.For<Program>(b =>
        {
            LedgerApp.Configure(b, schema);
            b.UseSetting("ConnectionStrings:Hotline", "Host=127.0.0.1;Port=1;Database=hotline;Username=hotline;Password=hotline;Timeout=2");
        });
        var client = host.Server.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
