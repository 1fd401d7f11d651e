using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Hotline.Ledger.Exports;

/// <summary>
/// Rewrites an Office Open XML package so that the same content gives the same bytes: MiniExcel stamps each zip
/// entry with the time of writing and names relationships with fresh GUIDs (<c>R0f3c…</c>). Here every entry
/// keeps its order and content, with a fixed time, and each relationship id becomes <c>rIdN</c> in order of first
/// appearance, consistently in every part that cites it.
/// </summary>
public static partial class StablePackage
{
    /// <summary>The earliest time a zip entry can carry (DOS time starts in 1980).</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [GeneratedRegex("R[0-9a-fA-F]{32}")]
    private static partial Regex RandomId();

    public static byte[] Of(byte[] package)
    {
        var parts = new List<(string Name, byte[] Content)>();
        using (var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                using var content = entry.Open();
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                parts.Add((entry.FullName, copy.ToArray()));
            }
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                var bytes = IsXml(name) ? Renamed(content, ids) : content;
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    private static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rels", StringComparison.Ordinal);

    private static byte[] Renamed(byte[] content, Dictionary<string, string> ids)
    {
        var text = Encoding.UTF8.GetString(content);
        var renamed = RandomId().Replace(text, m =>
        {
            if (!ids.TryGetValue(m.Value, out var id)) ids[m.Value] = id = $"rId{ids.Count + 1000}";
            return id;
        });
        // A byte-order mark decodes to U+FEFF and encodes back to the same three bytes.
        return renamed == text ? content : Encoding.UTF8.GetBytes(renamed);
    }
}
