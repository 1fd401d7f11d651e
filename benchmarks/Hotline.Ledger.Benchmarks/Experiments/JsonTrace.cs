using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hotline.Ledger.Benchmarks.Running;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Storage;
using Hotline.Ledger.Time;
using Marten;
using Marten.Events;
using Npgsql;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// <c>--trace-json SCHEMA [ROUNDS]</c>: the one-pass rebuild's JSON alone (ADR 0205), on a schema a run kept. The case
/// events' stored bytes and the case files are read into memory first; then, round after round, both ways — the store's
/// serializer as the rebuild used it (events from a stream of their bytes, files to a string then UTF-8) and the
/// compile-time contracts (<see cref="CaseJson"/>, straight from and to UTF-8) — deserialize every event and serialize
/// every file, with nothing beside them: CPU time, allocation, and whether both ways gave the same events and the same bytes.
/// First (round 0), the rebuild's own read of the case events (<see cref="RawEventLog"/>) both ways, twice: its CPU is the
/// reading of the rows and their deserialization on the thread pool together.
/// </summary>
public static class JsonTrace
{
    public static async Task Run(string connectionString, string schema, int rounds)
    {
        var clock = new CityClock(OfficeCalendar.EndOf(new DateOnly(2019, 12, 1)));
        var host = await BenchHost.Start(connectionString, schema, clock);
        try
        {
            var store = host.Store;
            var serializer = store.Options.Serializer();
            var graph = (EventGraph)((StoreOptions)store.Options).Events;
            var types = CaseWrites.EventTypes.ToDictionary(t => graph.EventMappingFor(t).EventTypeName);
            var events = new List<(Type Type, byte[] Json)>();
            var files = new List<CaseFile>();
            await using (var conn = new NpgsqlConnection(connectionString))
            {
                await conn.OpenAsync();
                var read = new NpgsqlCommand($"select type, data from \"{schema}\".mt_events where type = any(@types) and is_archived = false order by seq_id", conn)
                    { CommandTimeout = 0 };
                read.Parameters.AddWithValue("types", types.Keys.ToArray());
                await using (var rows = await read.ExecuteReaderAsync())
                    while (await rows.ReadAsync())
                        events.Add((types[rows.GetString(0)], Bytes(rows.GetFieldValue<Stream>(1))));
                var table = store.Options.AllKnownDocumentTypes().First(d => d.DocumentType == typeof(CaseFile)).TableName.QualifiedName;
                await using (var rows = await new NpgsqlCommand($"select data from {table}", conn) { CommandTimeout = 0 }.ExecuteReaderAsync())
                    while (await rows.ReadAsync())
                        files.Add(serializer.FromJson<CaseFile>(rows.GetFieldValue<Stream>(0)));
            }

            Console.WriteLine($"{schema}: {events.Count:N0} case events ({events.Sum(e => (long)e.Json.Length) / 1e6:N0} MB), " +
                              $"{files.Count:N0} case files; load {File.ReadAllText("/proc/loadavg").Trim()}");

            // The rebuild's own read (RawEventLog: rows, then pages deserialized on the thread pool), both ways, nothing kept.
            foreach (var (how, generated) in new[] { ("contracts", true), ("store", false), ("contracts", true), ("store", false) })
            {
                var trace = new RebuildTrace();
                var read = 0;
                Measure(0, "read + deserialize", how, events.Count, () =>
                {
                    var pages = RawEventLog.Read(store, CaseWrites.EventTypes, trace, CancellationToken.None, generated ? CaseJson.For : null).GetAsyncEnumerator();
                    while (pages.MoveNextAsync().AsTask().GetAwaiter().GetResult()) read += pages.Current.Length;
                    pages.DisposeAsync().AsTask().GetAwaiter().GetResult();
                });
                if (read != events.Count) throw new InvalidOperationException($"The rebuild's read gave {read:N0} events, not {events.Count:N0}.");
            }

            var contracts = types.Values.ToDictionary(t => t, t => CaseJson.For(t)!);
            var fromStore = new object[events.Count];
            var fromContracts = new object[events.Count];
            byte[][] storeBytes = new byte[files.Count][], contractBytes = new byte[files.Count][];
            for (var round = 1; round <= rounds; round++)
            {
                Measure(round, "deserialize events", "store", events.Count, () =>
                {
                    for (var i = 0; i < events.Count; i++) fromStore[i] = serializer.FromJson(events[i].Type, new MemoryStream(events[i].Json, false));
                });
                Measure(round, "deserialize events", "contracts", events.Count, () =>
                {
                    for (var i = 0; i < events.Count; i++)
                    {
                        var json = events[i].Json.AsSpan();
                        if (json.Length > 0 && json[0] == 1) json = json[1..];
                        fromContracts[i] = JsonSerializer.Deserialize(json, contracts[events[i].Type])!;
                    }
                });
                Measure(round, "serialize files", "store", files.Count, () =>
                {
                    for (var i = 0; i < files.Count; i++) storeBytes[i] = Encoding.UTF8.GetBytes(serializer.ToJson(files[i]));
                });
                Measure(round, "serialize files", "contracts", files.Count, () =>
                {
                    for (var i = 0; i < files.Count; i++) contractBytes[i] = CaseJson.Write(files[i]);
                });
            }

            var eventsDiffer = Enumerable.Range(0, events.Count).Count(i => !Equals(fromStore[i], fromContracts[i]));
            var filesDiffer = Enumerable.Range(0, files.Count).Count(i => !storeBytes[i].AsSpan().SequenceEqual(contractBytes[i]));
            Console.WriteLine($"events read differently: {eventsDiffer:N0}; files written differently: {filesDiffer:N0}; " +
                              $"bytes a file: {storeBytes.Average(b => b.Length):N0}; the file's contract writes {(CaseJson.Default.CaseFile.SerializeHandler is null ? "through its metadata" : "by its generated fast path")}");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static byte[] Bytes(Stream data)
    {
        using (data)
        {
            var bytes = new byte[data.Length];
            data.ReadExactly(bytes);
            return bytes;
        }
    }

    private static void Measure(int round, string what, string how, int count, Action run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"round {round}, {what,-18} {how,-9}: {watch.Elapsed.TotalSeconds,6:F2} s wall, {used,6:F2} s CPU, " +
                          $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6,8:N0} MB allocated, {GC.CollectionCount(0) - collections,5} gen-0; " +
                          $"{count / used,10:N0} a CPU second");
    }
}
