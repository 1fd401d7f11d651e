namespace Hotline.Ledger.Benchmarks.Measures;

/// <summary>One screen's figure beside its API read's, measured at the same points one after the other.</summary>
public sealed record PageFigure(PageRow Row, Latencies Page, Latencies Api);

/// <summary>
/// The web application's pages as a browser asks for them (a session cookie from the Development sign-in,
/// the whole HTML), each beside the API read it stands on (a bearer token, the JSON): p50/p95 of each.
/// A page must answer 200 without a refusal; an API read 200.
/// </summary>
public static class PageFigures
{
    public static async Task<List<PageFigure>> Measure(BenchHost host, HttpClient api, CityPlan plan, int year, Bound bound, int seed)
    {
        var sessions = new Dictionary<string, HttpClient>();
        try
        {
            var figures = new List<PageFigure>();
            foreach (var row in PageRows.All)
            {
                if (!sessions.TryGetValue(row.Role, out var browser)) sessions[row.Role] = browser = await SignedIn(host, row.Role);
                var points = PageRows.Points(plan, year, seed, bound.Count + 5);
                // Warm-up: the page's compilation, the API's code generation, the pools.
                foreach (var p in points.Take(5))
                {
                    (await browser.GetAsync(row.Page(p))).Dispose();
                    (await api.GetAsync(row.Api(p))).Dispose();
                }

                var measured = points.Skip(5).ToList();
                var page = await Loop.Run(1, bound, async i =>
                {
                    using var reply = await browser.GetAsync(row.Page(measured[i]));
                    var html = await reply.Content.ReadAsStringAsync();
                    return reply.StatusCode == HttpStatusCode.OK && !html.Contains("data-test=\"refusal\"", StringComparison.Ordinal);
                });
                var read = await Loop.Run(1, bound, async i =>
                {
                    using var reply = await api.GetAsync(row.Api(measured[i]));
                    await reply.Content.ReadAsByteArrayAsync();
                    return reply.StatusCode == HttpStatusCode.OK;
                });
                figures.Add(new PageFigure(row, page, read));
            }

            return figures;
        }
        finally
        {
            foreach (var client in sessions.Values) client.Dispose();
        }
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, signed in through the Development sign-in.</summary>
    internal static async Task<HttpClient> SignedIn(BenchHost host, string role)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(120),
        };
        using var reply = await client.GetAsync($"/signin/dev?user=benchmark&role={Uri.EscapeDataString(role)}");
        if (reply.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"the Development sign-in as {role} answered {(int)reply.StatusCode}");
        return client;
    }
}
