using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// The case files this process's feed last wrote, each under the version it wrote them with (ADR 0192). The feed's
/// locked read sends the versions it remembers and the store leaves out the JSON of a file still at that version:
/// the file is then taken from here, a copy of what that very version stored. Every writer of a file stores a new
/// version (Marten, the feed, the projection, the rebuild's COPY), so a remembered version matches only the state it
/// was written with; a write that never commits leaves a version no row will ever have. Nothing here can be stale,
/// only missing, and a missing file is read as before. How often it answers is counted on <see cref="MeterName"/>.
/// </summary>
internal static class CaseFileMemory
{
    public const string MeterName = "Hotline.Ledger.CaseFileMemory";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Hits = Meter.CreateCounter<long>("hotline.case_file_memory.hits", "{file}",
        "Stored files taken from the memory instead of their JSON");
    private static readonly Counter<long> Misses = Meter.CreateCounter<long>("hotline.case_file_memory.misses", "{file}",
        "Stored files read as JSON: not remembered, or changed by another writer since");
    private static readonly Counter<long> Emptyings = Meter.CreateCounter<long>("hotline.case_file_memory.emptyings", "{emptying}",
        "Times the memory was full and emptied");

    private static readonly ConcurrentDictionary<(string Table, string? Tenant, Guid Id), (Guid Version, CaseFile File)> Files = new();

    /// <summary>At most this many files, then emptied; 0 turns the memory off. Benchmarks change it to compare.</summary>
    public static int Capacity { get; set; } = 50_000;

    /// <summary>Whether completed cases are kept too; a benchmark variant.</summary>
    public static bool KeepsCompleted { get; set; } = true;

    /// <summary>Files remembered now.</summary>
    public static int Count => Files.Count;

    /// <summary>The version remembered for a file, if any.</summary>
    public static Guid? VersionOf(string table, string? tenant, Guid id) =>
        Files.TryGetValue((table, tenant, id), out var kept) ? kept.Version : null;

    /// <summary>A copy of the file remembered at <paramref name="version"/>, for the caller to change; null if none is.</summary>
    public static CaseFile? CopyOf(string table, string? tenant, Guid id, Guid version) =>
        Files.TryGetValue((table, tenant, id), out var kept) && kept.Version == version ? kept.File.Copy() : null;

    /// <summary>Remembers a file as written under <paramref name="version"/>; the caller must not change it afterwards.</summary>
    public static void Keep(string table, string? tenant, Guid version, CaseFile file)
    {
        var key = (table, tenant, file.Id);
        if (Capacity <= 0 || (!KeepsCompleted && file.Status == CaseStatus.Completed))
        {
            Files.TryRemove(key, out _);
            return;
        }

        if (Files.Count >= Capacity)
        {
            Files.Clear();
            Emptyings.Add(1);
        }

        Files[key] = (version, file);
    }

    /// <summary>Counts one batch's stored files: taken from here, or read as JSON; tagged with the files' table (one a city).</summary>
    public static void Tally(string table, int hits, int misses)
    {
        var tag = new KeyValuePair<string, object?>("table", table);
        if (hits > 0) Hits.Add(hits, tag);
        if (misses > 0) Misses.Add(misses, tag);
    }

    /// <summary>Forgets everything (a benchmark between variants).</summary>
    public static void Forget() => Files.Clear();
}
