using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>
/// The evidence bundle as ONE file (ADR 0054): a ZIP an inspector opens anywhere, holding the whole bundle
/// as JSON, a printable Chinese page, the entries and the evidence items as CSV, and SHA256SUMS of them
/// (checkable with <c>sha256sum -c</c>).
/// </summary>
public static class BundleZip
{
    public const string ContentType = "application/zip";
    public const string Json = "referral.json";
    public const string Html = "referral.html";
    public const string EntriesCsv = "entries.csv";
    public const string EvidenceCsv = "evidence.csv";
    public const string Sums = "SHA256SUMS";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Chinese names and reasons stay readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string FileName(Referral r) =>
        $"referral-{r.Year}-{r.Kind}-{(r.Kind == Commendations.Review.Candidates.UnitKind ? r.UnitCode : r.SubjectId.ToString("N")[..8])}.zip";

    public static byte[] Write(ReferralBundle bundle)
    {
        var files = new List<(string Name, byte[] Bytes)>
        {
            (Json, JsonSerializer.SerializeToUtf8Bytes(bundle, Options)),
            (Html, Encoding.UTF8.GetBytes(BundleHtml.Write(bundle))),
            (EntriesCsv, BundleCsv.Entries(bundle)),
            (EvidenceCsv, BundleCsv.Evidence(bundle)),
        };
        var sums = string.Concat(files.Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(f.Bytes))}  {f.Name}\n"));
        files.Add((Sums, Encoding.UTF8.GetBytes(sums)));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                // The referral's own time, not the download's: the files are dated by what they describe.
                entry.LastWriteTime = bundle.Referral.ReferredAt;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}
