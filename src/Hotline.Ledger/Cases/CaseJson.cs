using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hotline.Ledger.Cases;

/// <summary>
/// Compile-time JSON contracts for the case events and <see cref="CaseFile"/>, on the one-pass rebuild's path (ADR 0205):
/// the rebuild reads a million case events and writes a quarter of a million files, and with these it reads each event
/// straight from its UTF-8 bytes and writes each file straight to UTF-8 bytes, with no reflection-built contract, no
/// copy into a rented buffer and no UTF-16 string between. The options are those the store's serializer is given
/// (<c>UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase)</c>: camel-case names, enums by their
/// names), so the JSON is the same, byte for byte (<c>CaseJsonTests</c>); the store's own serializer is left as it is.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CaseAssigned))]
[JsonSerializable(typeof(CaseSignedFor))]
[JsonSerializable(typeof(CaseReturned))]
[JsonSerializable(typeof(CaseReassigned))]
[JsonSerializable(typeof(CaseExtensionRequested))]
[JsonSerializable(typeof(CaseExtensionGranted))]
[JsonSerializable(typeof(CaseReplied))]
[JsonSerializable(typeof(CaseExplained))]
[JsonSerializable(typeof(CaseCompleted))]
[JsonSerializable(typeof(CaseReturnVisited))]
[JsonSerializable(typeof(CaseVotedOnline))]
[JsonSerializable(typeof(CaseReopened))]
[JsonSerializable(typeof(ReplyDeadlineMissed))]
[JsonSerializable(typeof(CaseFile))]
internal sealed partial class CaseJson : JsonSerializerContext
{
    /// <summary>The contract of a case event type, or null for a type this context does not know.</summary>
    public static JsonTypeInfo? For(Type type) => Default.GetTypeInfo(type);

    public static byte[] Write(CaseFile file) => JsonSerializer.SerializeToUtf8Bytes(file, Default.CaseFile);
}
