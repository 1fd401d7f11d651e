using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Events;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>Development aid: rebuilds the read models of a kept benchmark schema with one variant of the daemon's settings.</summary>
public static class RebuildTrial
{
    public static async Task Run(string connectionString, string schema, string variant)
    {
        var clock = new CityClock(OfficeCalendar.EndOf(new DateOnly(2025, 1, 19)));
        var host = await BenchHost.Start(connectionString, schema, clock, opts => Configure(opts, variant));
        try
        {
            var options = (StoreOptions)host.Store.Options;
            long events;
            await using (var conn = new NpgsqlConnection(connectionString))
            {
                await conn.OpenAsync();
                events = (long)(await new NpgsqlCommand($"select count(*) from \"{schema}\".mt_events", conn).ExecuteScalarAsync())!;
            }

            var names = options.Projections.All.Select(p => p.Name).ToList();
            var tables = host.Store.Options.AllKnownDocumentTypes().Where(t => names.Contains(t.DocumentType.Name)).Select(t => t.TableName.QualifiedName).ToList();
            async Task<string> Digest()
            {
                await using var conn = new NpgsqlConnection(connectionString);
                await conn.OpenAsync();
                var parts = new List<string>();
                foreach (var t in tables)
                    parts.Add(t + "=" + (await new NpgsqlCommand($"select count(*) || ':' || coalesce(md5(string_agg(id::text || data::text, ',' order by id)), '') from {t}", conn).ExecuteScalarAsync()));
                return string.Join("; ", parts);
            }

            var before = await Digest();
            var watch = Stopwatch.StartNew();
            if (variant == "read")
            {
                await using var session = host.Store.QuerySession();
                var types = new[] { typeof(Hotline.Ledger.Marks.MarkRecorded) };
                var w = Stopwatch.StartNew();
                var n = 0;
                await foreach (var e in session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(types)).OrderBy(e => e.StreamId).ThenBy(e => e.Version).ToAsyncEnumerable()) n++;
                Console.WriteLine($"marten read ordered: {n} in {w.Elapsed.TotalSeconds:F2} s");
                w.Restart(); n = 0;
                await foreach (var e in session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(types)).ToAsyncEnumerable()) n++;
                Console.WriteLine($"marten read unordered: {n} in {w.Elapsed.TotalSeconds:F2} s");
                w.Restart();
                var list = await session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(types)).ToListAsync();
                Console.WriteLine($"marten ToList: {list.Count} in {w.Elapsed.TotalSeconds:F2} s");
                return;
            }

            if (variant == "bulk")
            {
                await using var session = host.Store.QuerySession();
                var marks = await session.Query<Hotline.Ledger.Marks.Mark>().ToListAsync();
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var w = Stopwatch.StartNew();
                await host.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(Hotline.Ledger.Marks.Mark));
                await host.Store.BulkInsertDocumentsAsync(marks, Weasel.Core.BulkInsertMode.InsertsOnly, 100_000);
                Console.WriteLine($"one call: {marks.Count} in {w.Elapsed.TotalSeconds:F2} s, cpu {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s");
                cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                w.Restart();
                await host.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(Hotline.Ledger.Marks.Mark));
                foreach (var chunk in marks.Chunk(5000))
                    await host.Store.BulkInsertDocumentsAsync(chunk, Weasel.Core.BulkInsertMode.InsertsOnly, 5000);
                Console.WriteLine($"chunks: {marks.Count} in {w.Elapsed.TotalSeconds:F2} s, cpu {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s");
                cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                w.Restart();
                var n = 0;
                await foreach (var e in session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(typeof(Hotline.Ledger.Marks.MarkRecorded))).OrderBy(e => e.Sequence).ToAsyncEnumerable()) n++;
                Console.WriteLine($"read events: {n} in {w.Elapsed.TotalSeconds:F2} s, cpu {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s");
                return;
            }

            if (variant == "custom")
            {
                var report = await Hotline.Ledger.Rebuild.BulkRebuild.RebuildAll(host.Store);
                foreach (var step in report.Steps) Console.WriteLine($"  {step}");
                Console.WriteLine($"{variant}: {events:N0} events in {watch.Elapsed.TotalSeconds:F1} s = {events / watch.Elapsed.TotalSeconds:N0}/s");
                var after = await Digest();
                Console.WriteLine(after == before ? "identical data" : $"DIFFERENT\n{before}\n{after}");
                return;
            }

            using var daemon = await host.Store.BuildProjectionDaemonAsync();
            if (variant.Contains("parallel"))
                await Task.WhenAll(names.Select(n => daemon.RebuildProjectionAsync(n, TimeSpan.FromMinutes(60), CancellationToken.None)));
            else
                foreach (var n in names)
                {
                    var one = Stopwatch.StartNew();
                    await daemon.RebuildProjectionAsync(n, TimeSpan.FromMinutes(60), CancellationToken.None);
                    Console.WriteLine($"  {n}: {one.Elapsed.TotalSeconds:F1} s");
                }

            Console.WriteLine($"{variant}: {events:N0} events in {watch.Elapsed.TotalSeconds:F1} s = {events / watch.Elapsed.TotalSeconds:N0}/s");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static void Configure(StoreOptions opts, string variant)
    {
        if (variant.Contains("bulk")) opts.Projections.RebuildWithBulkCopy = true;
        foreach (var p in opts.Projections.All)
        {
            if (p is not ProjectionBase b) continue;
            if (variant.Contains("batch")) b.Options.BatchSize = 10_000;
            if (variant.Contains("flush")) b.Options.RebuildFlushThreshold = 20_000;
        }
    }
}
