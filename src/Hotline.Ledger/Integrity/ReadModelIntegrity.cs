using System.Diagnostics;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Rebuild;
using Hotline.Ledger.Storage;
using Npgsql;
using Weasel.Core;

namespace Hotline.Ledger.Integrity;

/// <summary>
/// Checks the rows scores, rankings, circulars and the evidence trail are read from — every snapshot
/// document (entries, marks, units, people, appeals, sheets' sources…), the case files and the rate
/// counters — against the events: the rebuild's own code (ADR 0041) writes them afresh into a scratch
/// schema, reading the ledger's events, and each table is compared row by row with the stored one
/// (every column but Marten's bookkeeping). The scratch schema is dropped afterwards.
/// </summary>
public sealed class ReadModelIntegrity(IDocumentStore store, StoreOptionsSource options, CityDatabase db)
{
    // Bookkeeping Marten writes at store time (when, which .NET type, which version): not derived from the events.
    // subject_kind, subject_id, year, occurred_on, recorded_at: the rest are counts.
    private const int CounterKeyColumns = 5;

    private static readonly HashSet<string> Bookkeeping = ["mt_last_modified", "mt_version", "mt_dotnet_type", "mt_created_at"];

    /// <summary>Passes tried while events keep arriving before a fault is reported as found.</summary>
    private const int Passes = 3;

    /// <summary>
    /// A fault counts only from a pass during which no event was committed: the stored rows are read table by table
    /// while the rebuild reads the events, so a write landing between the two (the feed, a judgement, at 02:30 as at
    /// noon) would otherwise read as a forgery and stop every circular until the next verification.
    /// </summary>
    public async Task<ReadModelReport> VerifyAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        for (var pass = 1; ; pass++)
        {
            var before = await EventsAsync(ct);
            var report = await PassAsync(watch, ct);
            if (report.Valid || pass == Passes || await EventsAsync(ct) == before) return report;
        }
    }

    /// <summary>The start of the name of every scratch schema a verification of <paramref name="main"/> makes.</summary>
    public static string ScratchPrefix(string main) => $"hl_verify_{(main.Length > 36 ? main[..36] : main)}_";

    /// <summary>
    /// The highest sequence and how many events are committed near it: both unchanged means nothing was committed.
    /// The count covers the last <see cref="Stragglers"/> sequence numbers (an index range, not the whole log, which
    /// at city scale is millions of rows): an append that took its number before the pass began and committed during
    /// it holds a number just below the highest.
    /// </summary>
    private async Task<(long Max, long Near)> EventsAsync(CancellationToken ct)
    {
        var events = $"\"{store.Options.Events.DatabaseSchemaName}\".mt_events";
        await using var command = db.CreateCommand(
            $"with m as (select coalesce(max(seq_id), 0) as max from {events}) " +
            $"select m.max, (select count(*) from {events} where seq_id > m.max - {Stragglers}) from m");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private const int Stragglers = 10_000;

    private async Task<ReadModelReport> PassAsync(Stopwatch watch, CancellationToken ct)
    {
        var main = store.Options.DatabaseSchemaName;
        // Named after the schema it checks, so that a scratch schema left by a killed run says whose it was.
        var scratch = ScratchPrefix(main) + Guid.NewGuid().ToString("N")[..12];
        var scratchOptions = options.For(scratch);
        scratchOptions.Events.DatabaseSchemaName = store.Options.Events.DatabaseSchemaName;
        try
        {
            IReadOnlyList<DbObjectName> tables;
            using (var shadow = new DocumentStore(scratchOptions))
            {
                await shadow.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                tables = await BulkRebuild.RebuildTables(shadow, ct);
            }

            long rows = 0;
            var compared = new List<string>();
            foreach (var table in tables)
            {
                var (count, fault) = await Compare(main, scratch, table.Name, ct);
                rows += count;
                compared.Add(table.Name);
                if (fault is not null) return new ReadModelReport(false, compared, rows, fault, watch.Elapsed.TotalSeconds);
            }

            return new ReadModelReport(true, compared, rows, null, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            await using var drop = db.CreateCommand($"drop schema if exists \"{scratch}\" cascade");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<(long Rows, ReadModelFault? Fault)> Compare(string main, string scratch, string table, CancellationToken ct)
    {
        var columns = new List<string>();
        await using (var find = db.CreateCommand(
            "select column_name from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position"))
        {
            find.Parameters.AddWithValue(scratch);
            find.Parameters.AddWithValue(table);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (!Bookkeeping.Contains(reader.GetString(0))) columns.Add($"\"{reader.GetString(0)}\"");
        }

        var list = string.Join(", ", columns);
        var key = columns[0] == "\"id\"" ? "id::text" : $"concat_ws('/', {string.Join(", ", columns.Take(4))})";
        var stored = $"\"{main}\".\"{table}\"";
        var rebuilt = $"\"{scratch}\".\"{table}\"";
        if (table == CaseCounters.TableName)
        {
            // Counter rows are differences: the feed may write a subject's day in several rows where the
            // rebuild writes one. What a rate reads is their sum per subject, day and instant.
            var keys = string.Join(", ", columns.Take(CounterKeyColumns));
            var sums = string.Join(", ", columns.Skip(CounterKeyColumns).Select(c => $"sum({c}) as {c}"));
            var nonZero = string.Join(" or ", columns.Skip(CounterKeyColumns).Select(c => $"sum({c}) <> 0"));
            stored = $"(select {keys}, {sums} from {stored} group by {keys} having {nonZero}) s";
            rebuilt = $"(select {keys}, {sums} from {rebuilt} group by {keys} having {nonZero}) r";
        }
        // A document is named by its id; a counter row by its leading (key) columns.
        await using var command = db.CreateCommand(
            $"""
             select (select count(*) from {stored}),
                    (select {key} from (select {list} from {stored} except all select {list} from {rebuilt}) d order by 1 limit 1),
                    (select {key} from (select {list} from {rebuilt} except all select {list} from {stored}) d order by 1 limit 1),
                    (select left(row_to_json(d)::text, 2000) from (select {list} from {stored} except all select {list} from {rebuilt}) d order by {key} limit 1),
                    (select left(row_to_json(d)::text, 2000) from (select {list} from {rebuilt} except all select {list} from {stored}) d order by {key} limit 1)
             """);
        // Two full comparisons of a table (the case files, the counters) take minutes at city scale: the verification
        // is a background job, bounded by its caller's cancellation rather than Npgsql's 30 s default.
        command.CommandTimeout = 0;
        await using var result = await command.ExecuteReaderAsync(ct);
        await result.ReadAsync(ct);
        var count = result.GetInt64(0);
        var storedOnly = result.IsDBNull(1) ? null : result.GetString(1);
        var rebuiltOnly = result.IsDBNull(2) ? null : result.GetString(2);
        var storedRow = result.IsDBNull(3) ? null : result.GetString(3);
        var rebuiltRow = result.IsDBNull(4) ? null : result.GetString(4);

        ReadModelFault? fault = (storedOnly, rebuiltOnly) switch
        {
            (null, null) => null,
            ({ } a, { } b) when a == b => new(table, a, "The stored row differs from the one its events give (altered after it was derived).", storedRow, rebuiltRow),
            ({ } a, { } b) when string.CompareOrdinal(a, b) < 0 => new(table, a, "The stored row is not what the events give: altered, or written around the ledger.", storedRow),
            ({ } a, null) => new(table, a, "The stored row is not what the events give: altered, or written around the ledger.", storedRow),
            (_, { } b) => new(table, b, "The events give a row that is not stored, or is stored differently (altered or deleted).", null, rebuiltRow),
        };
        return (count, fault);
    }
}
