using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hotline.Ledger.Http;

/// <summary>
/// The request's correlation id: the caller's X-Correlation-Id when it is well-formed, otherwise the
/// W3C trace id or a fresh one. It travels on every event the request appends and is echoed in the
/// response, so that a client, the logs and the ledger can be matched up.
/// </summary>
public static partial class RequestCorrelation
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "hotline.correlation-id";

    public static string Of(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : Assign(http);

    /// <summary>Decides the id once, at the start of the request.</summary>
    public static string Assign(HttpContext http)
    {
        var offered = http.Request.Headers[Header].ToString();
        var id = WellFormed().IsMatch(offered)
            ? offered
            : Activity.Current?.TraceId.ToHexString() ?? Guid.CreateVersion7().ToString("N");
        http.Items[ItemKey] = id;
        return id;
    }

    // Anything else (too long, control characters, markup) is not trusted into logs and the ledger.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex WellFormed();
}
