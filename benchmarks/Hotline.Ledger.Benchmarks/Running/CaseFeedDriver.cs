using System.Text.Json;

namespace Hotline.Ledger.Benchmarks.Running;

/// <summary>
/// Drives the platform's case events into the ledger by one of its two paths: the HTTP batch
/// route <c>POST /api/cases/events</c>, or in process through the <see cref="CaseFeed"/> service the route
/// itself calls. A batch is sent as the clock reaches its last row's recording instant; every row must
/// be accepted (the generator makes no bad rows), which the run checks.
/// </summary>
public sealed class CaseFeedDriver(HttpClient http, CaseFeed? feed, CityClock clock, int batchSize = 1_000)
{
    public const string Route = "/api/cases/events";
    public const string Platform = "hotline-platform";

    private readonly List<CaseOp> _batch = new(batchSize);

    /// <summary>The client the next HTTP batch goes through: a province run points it at one node or another, batch by batch.</summary>
    public HttpClient Client { get; set; } = http;
    private bool _viaHttp;

    public Meter Http { get; } = new();
    public Meter InProcess { get; } = new();
    public long Accepted { get; private set; }
    public long Duplicates { get; private set; }
    public long Rejected { get; private set; }
    public string? FirstRejection { get; private set; }

    /// <summary>Batches sent again after a 409: the feed lost a race with the deadline judge five times over.</summary>
    public int Retries { get; private set; }

    /// <summary>The window of the feed now being sent, so that each batch goes whole down one path.</summary>
    public int Pending => _batch.Count;

    /// <summary>Adds a row; answers true when it filled a batch, which must then be sent with <see cref="Flush"/>.</summary>
    public bool Add(CaseOp op, bool viaHttp)
    {
        if (_batch.Count == 0) _viaHttp = viaHttp;
        _batch.Add(op);
        return _batch.Count >= batchSize;
    }

    public async Task Flush(Meter? alsoInto = null)
    {
        if (_batch.Count == 0) return;
        clock.MoveTo(_batch[^1].RecordedAt);
        var rows = _batch.Select(o => o.Event).ToList();
        var meter = _viaHttp ? Http : InProcess;
        var started = meter.Elapsed;
        // As the platform does with a 409: send the same batch again (its event ids make that safe).
        await meter.Time(rows.Count, async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await (_viaHttp ? ViaHttp(rows) : ViaService(rows));
                    return;
                }
                catch (Exception e) when (attempt < 10 && (e is ConflictAnswer || Hotline.Ledger.Storage.StoreConflicts.IsConflict(e)))
                {
                    Retries++;
                    await Task.Delay(50 * attempt);
                }
            }
        });
        alsoInto?.Add(rows.Count, meter.Elapsed - started);
        _batch.Clear();
    }

    private async Task ViaHttp(List<CaseFeedEvent> rows)
    {
        using var reply = await Client.PostAsJsonAsync(Route, new { events = rows }, Json);
        var text = await reply.Content.ReadAsStringAsync();
        if (reply.StatusCode == HttpStatusCode.Conflict) throw new ConflictAnswer(text);
        if (reply.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"POST {Route} answered {(int)reply.StatusCode}: {text}");
        using var answer = JsonDocument.Parse(text);
        Count(answer.RootElement.GetProperty("accepted").GetInt32(), answer.RootElement.GetProperty("duplicates").GetInt32(),
            answer.RootElement.GetProperty("rejected").GetArrayLength(), () => answer.RootElement.GetProperty("rejected")[0].GetRawText());
    }

    private async Task ViaService(List<CaseFeedEvent> rows)
    {
        var answer = await feed!.Ingest(rows.Select(Row).ToList(), Platform);
        Count(answer.Accepted, answer.Duplicates, answer.Rejected.Count, () => JsonSerializer.Serialize(answer.Rejected[0]));
    }

    private void Count(int accepted, int duplicates, int rejected, Func<string> first)
    {
        Accepted += accepted;
        Duplicates += duplicates;
        Rejected += rejected;
        if (rejected > 0) FirstRejection ??= first();
    }

    /// <summary>The row as the platform sends it: every field as text.</summary>
    private static CaseEventRow? Row(CaseFeedEvent e) => new(
        e.EventId, e.CaseNumber, e.Type, Instant(e.At), e.UnitId?.ToString(), e.PersonId?.ToString(),
        e.ReplyDueAt is { } r ? Instant(r) : null, e.CompletionDueAt is { } c ? Instant(c) : null, e.Result);

    private static string Instant(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private sealed class ConflictAnswer(string text) : Exception(text);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
