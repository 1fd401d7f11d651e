using System.Net;

namespace Hotline.Ledger.Web.Api;

/// <summary>What the API answered: its status and JSON, and for a refusal the problem's title, detail and field errors.</summary>
public sealed class ApiReply(HttpStatusCode status, string? mediaType, string text)
{
    public HttpStatusCode Status { get; } = status;
    public string? MediaType { get; } = mediaType;
    public string Text { get; } = text;

    public bool Ok => (int)Status is >= 200 and < 300;
    public bool Forbidden => Status == HttpStatusCode.Forbidden;
    public bool NotFound => Status == HttpStatusCode.NotFound;

    public JsonElement Json => _json ??= Text.Length == 0 ? default : JsonDocument.Parse(Text).RootElement.Clone();
    private JsonElement? _json;

    public string? Title => IsProblem ? Json.Str("title") : null;
    public string? Detail => IsProblem ? Json.Str("detail") : null;

    public bool IsProblem => MediaType == "application/problem+json" && Text.Length > 0;

    /// <summary>Field errors keyed by the field's name as the API gives it (camelCase).</summary>
    public IReadOnlyDictionary<string, string[]> Errors =>
        IsProblem && Json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray() : [p.Value.ToString()],
                StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string[]>();

    /// <summary>One line for the page: the problem's detail, or its title.</summary>
    public string Message => Detail ?? Title ?? $"HTTP {(int)Status}";
}
