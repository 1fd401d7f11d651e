using System.Collections.Concurrent;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// The case files this process's feed last wrote, each under the version it wrote them with (ADR 0192). The feed's
/// locked read sends the versions it remembers and the store leaves out the JSON of a file still at that version:
/// the file is then taken from here, a copy of what that very version stored. Every writer of a file stores a new
/// version (Marten, the feed, the projection, the rebuild's COPY), so a remembered version matches only the state it
/// was written with; a write that never commits leaves a version no row will ever have. Nothing here can be stale,
/// only missing, and a missing file is read as before.
/// </summary>
internal static class CaseFileMemory
{
    // Bounded by emptying: a batch after it reads its files from the store, the next ones from here again.
    private const int Capacity = 50_000;

    private static readonly ConcurrentDictionary<(string Table, string? Tenant, Guid Id), (Guid Version, CaseFile File)> Files = new();

    /// <summary>The version remembered for a file, if any.</summary>
    public static Guid? VersionOf(string table, string? tenant, Guid id) =>
        Files.TryGetValue((table, tenant, id), out var kept) ? kept.Version : null;

    /// <summary>A copy of the file remembered at <paramref name="version"/>, for the caller to change; null if none is.</summary>
    public static CaseFile? CopyOf(string table, string? tenant, Guid id, Guid version) =>
        Files.TryGetValue((table, tenant, id), out var kept) && kept.Version == version ? kept.File.Copy() : null;

    /// <summary>Remembers a file as written under <paramref name="version"/>; the caller must not change it afterwards.</summary>
    public static void Keep(string table, string? tenant, Guid version, CaseFile file)
    {
        if (Files.Count >= Capacity) Files.Clear();
        Files[(table, tenant, file.Id)] = (version, file);
    }
}
