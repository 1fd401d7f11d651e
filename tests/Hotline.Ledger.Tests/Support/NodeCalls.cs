using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hotline.Ledger.Tests.Support;

/// <summary>The calls the several-node tests make on a node: the API's answers, checked, and a screen with a session.</summary>
public static class NodeCalls
{
    /// <summary>The office's start page with a session cookie: 200, or a redirect to the sign-in when the node does not know the session.</summary>
    public static async Task<HttpStatusCode> Screen(NodeProcess node, string cookie)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var page = await browser.SendAsync(request);
        return page.StatusCode;
    }

    public static async Task<HashSet<string>> RevisionIds(HttpClient client) =>
        (await Ok(client, "/api/rulebooks/revisions")).EnumerateArray().Select(r => r.GetProperty("rulebookId").GetString()!).ToHashSet();

    public static async Task<List<JsonElement>> D31(HttpClient client, Guid unit) =>
        (await Ok(client, $"/api/evidence?unitId={unit}&clause=D3.1")).EnumerateArray().ToList();

    public static async Task<JsonElement> Created(HttpClient client, string url, object body, HttpStatusCode status = HttpStatusCode.Created)
    {
        var reply = await client.PostAsJsonAsync(url, body);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == status, $"POST {url} answered {(int)reply.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> Ok(HttpClient client, string url)
    {
        var reply = await client.GetAsync(url);
        var text = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)reply.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
