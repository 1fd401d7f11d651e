using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.Ledger.Evaluation.Sheets;

/// <summary>
/// The canonical bytes of a sheet — fixed options, property order from the records — and their
/// SHA-256, the content hash a circular or an approved result is frozen with.
/// </summary>
public static class SheetJson
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static byte[] Bytes(ScoreSheet sheet) => JsonSerializer.SerializeToUtf8Bytes(sheet, Canonical);

    public static string Sha256(ScoreSheet sheet) => Convert.ToHexStringLower(SHA256.HashData(Bytes(sheet)));
}
