using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Ledger.Web.SignIn;
using Microsoft.AspNetCore.Http;

namespace Hotline.Ledger.Web.Api;

/// <summary>
/// The screens' only way to the ledger: the API's own routes, as the signed-in user. Nothing here
/// decides who may see or do what; the API does, as it does for every other caller.
/// </summary>
public sealed class LedgerApi(HttpClient client, IHttpContextAccessor accessor, SessionTokens tokens, ApiAddress address)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public Task<ApiReply> Get(string path, CancellationToken cancel = default) => Send(HttpMethod.Get, path, null, null, null, cancel);

    public Task<ApiReply> Post(string path, object body, string? idempotencyKey = null, CancellationToken cancel = default) =>
        Send(HttpMethod.Post, path, JsonContent.Create(body), idempotencyKey, null, cancel);

    public Task<ApiReply> Put(string path, object body, string? idempotencyKey = null, CancellationToken cancel = default) =>
        Send(HttpMethod.Put, path, JsonContent.Create(body), idempotencyKey, null, cancel);

    public Task<ApiReply> Delete(string path, string? idempotencyKey = null, CancellationToken cancel = default) =>
        Send(HttpMethod.Delete, path, null, idempotencyKey, null, cancel);

    /// <summary>A download (CSV, XLSX, ZIP) passed on as it comes: the caller streams it to the browser.</summary>
    public async Task<HttpResponseMessage> Download(string pathAndQuery, string? accept, CancellationToken cancel)
    {
        using var request = Request(HttpMethod.Get, pathAndQuery, null, null, accept);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
    }

    private async Task<ApiReply> Send(HttpMethod method, string path, HttpContent? content, string? key, string? accept, CancellationToken cancel)
    {
        using var request = Request(method, path, content, key, accept);
        using var response = await client.SendAsync(request, cancel);
        var text = await response.Content.ReadAsStringAsync(cancel);
        return new ApiReply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, string? key, string? accept)
    {
        var user = accessor.HttpContext?.User ?? throw new InvalidOperationException("The API is called for a request's user only.");
        var request = new HttpRequestMessage(method, new Uri(address.Value, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(user));
        // Problem texts in the office's language.
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        if (key is not null) request.Headers.Add(IdempotencyHeader, key);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return request;
    }
}
