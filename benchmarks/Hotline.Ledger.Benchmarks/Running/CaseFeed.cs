using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Ledger.Benchmarks.City;

namespace Hotline.Ledger.Benchmarks.Running;

/// <summary>
/// The two ways the platform's case events reach the ledger (issue 6): the HTTP batch route
/// <c>POST /api/cases/events</c> and the in-process path the route itself calls. Until the case feed
/// is on main both are pending: <see cref="Detect"/> finds the route missing and the benchmark
/// generates the case events (for the baselines) without ingesting them.
/// </summary>
public sealed class CaseFeed(HttpClient http, CityClock clock, int batchSize = 1_000)
{
    public const string Route = "/api/cases/events";

    private readonly List<CaseOp> _batch = new(batchSize);

    public Meter Http { get; } = new();
    public Meter InProcess { get; } = new();
    public long Accepted { get; private set; }
    public long Rejected { get; private set; }

    /// <summary>True when the route answers anything but 404 to an empty batch.</summary>
    public static async Task<bool> Detect(HttpClient http)
    {
        using var reply = await http.PostAsJsonAsync(Route, new { events = Array.Empty<object>() });
        return reply.StatusCode != HttpStatusCode.NotFound;
    }

    public async Task AddHttp(CaseOp op)
    {
        _batch.Add(op);
        if (_batch.Count >= batchSize) await FlushHttp();
    }

    public async Task FlushHttp()
    {
        if (_batch.Count == 0) return;
        clock.MoveTo(_batch[^1].RecordedAt);
        var body = new { events = _batch.Select(o => o.Event).ToList() };
        await Http.Time(_batch.Count, async () =>
        {
            using var reply = await http.PostAsJsonAsync(Route, body, Json);
            var text = await reply.Content.ReadAsStringAsync();
            if (reply.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"POST {Route} answered {(int)reply.StatusCode}: {text}");
            using var answer = JsonDocument.Parse(text);
            Accepted += answer.RootElement.GetProperty("accepted").GetInt32();
            Rejected += answer.RootElement.GetProperty("rejected").GetArrayLength();
        });
        _batch.Clear();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
