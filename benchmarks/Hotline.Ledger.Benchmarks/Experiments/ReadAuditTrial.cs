using System.Security.Claims;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Http;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// <c>--read-audit N</c>: N read records from 32 concurrent readers through the read audit (shared flushes),
/// beside the baseline of one session and one commit per record, in the same run and the same schema; then N score
/// reads over HTTP, one client and 32, with the record's flush started as the read starts (overlapped with the read's
/// work) beside the former path that writes it after the work, alternated in the same run and schema.
/// </summary>
public static class ReadAuditTrial
{
    private const int Clients = 32;

    public static async Task Run(string connectionString, int records)
    {
        var clock = new CityClock(OfficeCalendar.EndOf(CityScale.Small.Today));
        var schema = "bench_reads_" + Random.Shared.Next(100000);
        var host = await BenchHost.Start(connectionString, schema, clock);
        try
        {
            var audit = host.Service<ReadAudit>();
            var store = host.Store;
            var subject = Guid.NewGuid();
            var bound = new Bound(records, TimeSpan.FromMinutes(2));

            // Warm both paths, then alternate so that neither gets the quieter half of a noisy machine.
            await Loop.Run(Clients, new Bound(200, bound.Time), _ => Shared(audit, subject));
            await Loop.Run(Clients, new Bound(200, bound.Time), _ => OneEach(store, subject));
            var shared = await Loop.Run(Clients, bound, _ => Shared(audit, subject));
            var oneEach = await Loop.Run(Clients, bound, _ => OneEach(store, subject));

            Console.WriteLine($"read records, {Clients} clients, {records} each way:");
            Console.WriteLine($"  one commit per record (baseline): {oneEach.PerSecond,8:0}/s  p50 {oneEach.P50,6:0.0} ms  p99 {oneEach.P99,6:0.0} ms  failures {oneEach.Failures}");
            Console.WriteLine($"  shared flushes (read audit):      {shared.PerSecond,8:0}/s  p50 {shared.P50,6:0.0} ms  p99 {shared.P99,6:0.0} ms  failures {shared.Failures}");
            Console.WriteLine($"  ratio: throughput x{shared.PerSecond / oneEach.PerSecond:0.00}, p99 x{shared.P99 / oneEach.P99:0.00}");

            await ScoreReads(host, audit, records);
        }
        finally
        {
            await host.DisposeAsync();
            await BenchHost.DropSchema(connectionString, schema);
        }
    }

    /// <summary>Score reads of one unit with a year of entries, the overlapped path beside the former one, in alternating rounds.</summary>
    private static async Task ScoreReads(BenchHost host, ReadAudit audit, int reads)
    {
        using var http = host.Client();
        var log = host.Service<ReadLog>();
        var unit = await Created(http, "/api/units", new { code = "RA-BENCH", name = "读记录基准单位" });
        // Entries that the scoring replays; one the rules refuse only makes the card lighter.
        for (var day = 0; day < 40; day++)
            await Posted(http, "/api/entries", new { clause = "B1", unitId = unit, occurredOn = new DateOnly(2020, 1, 6).AddDays(day * 7).ToString("yyyy-MM-dd"), reason = "信息被采用" });
        var url = $"/api/units/{unit}/score?year=2020";

        async Task<bool> Read(int _)
        {
            using var reply = await http.GetAsync(url);
            return reply.StatusCode == System.Net.HttpStatusCode.OK;
        }

        foreach (var clients in new[] { 1, Clients })
        {
            audit.StartsWithTheRead = true;
            await Loop.Run(clients, new Bound(100, TimeSpan.FromMinutes(1)), Read); // warm-up: code generation, JIT, pools
            // Alternating rounds, so that neither path gets the quieter part of a noisy machine.
            var overlapped = new Timings();
            var after = new Timings();
            const int rounds = 6;
            for (var r = 0; r < rounds; r++)
            {
                audit.StartsWithTheRead = r % 2 == 0;
                await (r % 2 == 0 ? overlapped : after).Run(clients, Math.Max(reads / rounds, 1), Read, log);
            }

            audit.StartsWithTheRead = true;
            var o = overlapped.Latencies;
            var a = after.Latencies;
            Console.WriteLine($"score reads, {clients} client(s), {o.Count + a.Count} reads:");
            Console.WriteLine($"  record written after the read (former): {a.PerSecond,8:0}/s  p50 {a.P50,6:0.0} ms  p95 {a.P95,6:0.0} ms  p99 {a.P99,6:0.0} ms  failures {a.Failures}  records/commit {after.PerCommit:0.0}");
            Console.WriteLine($"  record started with the read:           {o.PerSecond,8:0}/s  p50 {o.P50,6:0.0} ms  p95 {o.P95,6:0.0} ms  p99 {o.P99,6:0.0} ms  failures {o.Failures}  records/commit {overlapped.PerCommit:0.0}");
            Console.WriteLine($"  ratio: p50 x{o.P50 / a.P50:0.00}, p95 x{o.P95 / a.P95:0.00}, p99 x{o.P99 / a.P99:0.00}, throughput x{o.PerSecond / a.PerSecond:0.00}");
        }
    }

    /// <summary>The latencies of several rounds of one path, pooled.</summary>
    private sealed class Timings
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<double> _millis = [];
        private int _failures;
        private TimeSpan _elapsed;
        private long _commits;

        public Latencies Latencies => Latencies.Of(_millis, _failures, _elapsed);

        /// <summary>Reads answered per read-record commit: how many records each flush carried.</summary>
        public double PerCommit => _commits == 0 ? double.NaN : (double)_millis.Count / _commits;

        public async Task Run(int clients, int count, Func<int, Task<bool>> operation, ReadLog log)
        {
            var commits = log.Commits;
            var next = -1;
            var started = System.Diagnostics.Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    var t = System.Diagnostics.Stopwatch.GetTimestamp();
                    bool ok;
                    try { ok = await operation(0); }
                    catch (Exception) { ok = false; }
                    if (ok) _millis.Add(System.Diagnostics.Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    else Interlocked.Increment(ref _failures);
                }
            })));
            _elapsed += started.Elapsed;
            _commits += log.Commits - commits;
        }
    }

    private static async Task Posted(HttpClient http, string url, object body) =>
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, url, body)).Dispose();

    private static async Task<Guid> Created(HttpClient http, string url, object body)
    {
        using var reply = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, url, body);
        reply.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<bool> Shared(ReadAudit audit, Guid subject)
    {
        await audit.RecordAsync(Reader(), ReadKind.ScoreReplay, personId: subject);
        return true;
    }

    private static async Task<bool> OneEach(Marten.IDocumentStore store, Guid subject)
    {
        await using var session = store.LightweightSession();
        session.Insert(new ReadRecord { Id = Guid.CreateVersion7(), At = DateTimeOffset.UnixEpoch, Reader = "bench", Kind = ReadKind.ScoreReplay, PersonId = subject, Path = "/api/people/x/score" });
        await session.SaveChangesAsync();
        return true;
    }

    private static HttpContext Reader()
    {
        var identity = new ClaimsIdentity([new Claim(HotlineClaims.Name, "bench"), new Claim(HotlineClaims.Role, Roles.Auditor)], "Bearer", HotlineClaims.Name, HotlineClaims.Role);
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        http.Request.Path = "/api/people/x/score";
        return http;
    }
}
