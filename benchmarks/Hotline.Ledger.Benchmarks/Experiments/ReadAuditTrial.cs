using System.Security.Claims;
using Hotline.Ledger.Security;
using Microsoft.AspNetCore.Http;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// <c>--read-audit N</c>: N read records from 32 concurrent readers through the read audit (shared flushes),
/// beside the baseline of one session and one commit per record, in the same run and the same schema.
/// </summary>
public static class ReadAuditTrial
{
    private const int Clients = 32;

    public static async Task Run(string connectionString, int records)
    {
        var clock = new CityClock(OfficeCalendar.EndOf(CityScale.Small.Founding));
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
        }
        finally
        {
            await host.DisposeAsync();
            await BenchHost.DropSchema(connectionString, schema);
        }
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
