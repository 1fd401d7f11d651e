using System.Diagnostics;
using Hotline.Ledger.Benchmarks.Running;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Storage;
using Hotline.Ledger.Time;
using JasperFx.Events;
using Npgsql;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// <c>--trace-fold SCHEMA [ROUNDS]</c>: the case projection's fold alone (ADR 0198), on the case events of a schema a run
/// kept, read and deserialized into memory first. Then, round after round, the one-pass rebuild's fold of every case file
/// and counter row — the derivation kept running, and derived again at each write (<c>replay-fold</c>) — with nothing
/// written, nothing read and nothing serialized beside it: its own wall and CPU time, what it allocates and how often the
/// collector ran; and, before the rounds, the read and deserialization of the same events alone. On a loaded machine the CPU seconds of a fold that runs alone are the figure to compare.
/// </summary>
public static class FoldTrace
{
    public static async Task Run(string connectionString, string schema, int rounds)
    {
        var clock = new CityClock(OfficeCalendar.EndOf(new DateOnly(2019, 12, 1)));
        var host = await BenchHost.Start(connectionString, schema, clock);
        try
        {
            var store = host.Store;
            var trace = new RebuildTrace();
            var events = new List<IEvent>();
            var readCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var readWatch = Stopwatch.StartNew();
            await foreach (var page in RawEventLog.Read(store, CaseWrites.EventTypes, trace, CancellationToken.None)) events.AddRange(page);
            var lasts = new Dictionary<Guid, long>();
            await using (var conn = new NpgsqlConnection(connectionString))
            {
                await conn.OpenAsync();
                await using var reader = await new NpgsqlCommand($"select id, version from \"{schema}\".mt_streams where version is not null", conn).ExecuteReaderAsync();
                while (await reader.ReadAsync()) lasts[reader.GetGuid(0)] = reader.GetInt64(1);
            }

            // The read beside nothing else: its CPU is this process's reading and deserializing of the case events.
            Console.WriteLine($"{schema}: {events.Count:N0} case events read and deserialized in {readWatch.Elapsed.TotalSeconds:F2} s wall, " +
                              $"{(Process.GetCurrentProcess().TotalProcessorTime - readCpu).TotalSeconds:F2} s CPU; load {File.ReadAllText("/proc/loadavg").Trim()}");
            await using var session = store.QuerySession();
            for (var round = 1; round <= rounds; round++)
            foreach (var running in new[] { true, false })
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var collections = GC.CollectionCount(0);
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                // Marten's bulk insert is never started: the writes the fold hands over are counted, not run.
                var fold = new CaseRebuild(store, new RebuildSettings(OwnCopy: false, RunningFold: running), trace, CancellationToken.None);
                long writes = 0;
                foreach (var e in events)
                {
                    var complete = lasts.TryGetValue(e.StreamId, out var last) && e.Version >= last;
                    writes += (await fold.Add(session, e, complete, CancellationToken.None)).Count;
                }

                writes += (await fold.Finish(session, CancellationToken.None)).Count;
                var wall = watch.Elapsed.TotalSeconds;
                var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine($"round {round}, {(running ? "running" : "replay-fold"),-12}: {wall,6:F2} s wall, {used,6:F2} s CPU, " +
                                  $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6,8:N0} MB allocated, {GC.CollectionCount(0) - collections,5} gen-0 collections; " +
                                  $"{fold.Rows:N0} rows in {writes:N0} writes; {events.Count / used:N0} events per CPU second");
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
