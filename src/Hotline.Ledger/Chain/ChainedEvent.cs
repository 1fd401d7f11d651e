using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace Hotline.Ledger.Chain;

/// <summary>
/// An event as the chain sees it: the columns of mt_events that say what happened, to what, when and
/// by whom. <c>is_archived</c> and the .NET type name are left out: they describe storage, not the fact.
/// </summary>
public sealed record ChainedEvent(
    long Sequence, Guid Id, string StreamId, long Version, string Type, DateTimeOffset Timestamp,
    string? TenantId, string Data, string? UserName, string? CorrelationId)
{
    /// <summary>The select list that <see cref="Read"/> expects, for a table aliased <c>e</c>.</summary>
    public const string Columns =
        "e.seq_id, e.id, e.stream_id::text, e.version, e.type, e.timestamp, e.tenant_id, e.data::text, e.user_name, e.correlation_id";

    public static ChainedEvent Read(NpgsqlDataReader r, int first) => new(
        r.GetInt64(first), r.GetGuid(first + 1), r.GetString(first + 2), r.GetInt64(first + 3), r.GetString(first + 4),
        r.GetFieldValue<DateTimeOffset>(first + 5),
        r.IsDBNull(first + 6) ? null : r.GetString(first + 6),
        r.GetString(first + 7),
        r.IsDBNull(first + 8) ? null : r.GetString(first + 8),
        r.IsDBNull(first + 9) ? null : r.GetString(first + 9));

    /// <summary>
    /// The canonical content: a JSON array in a fixed order. The payload is PostgreSQL's own rendering of
    /// the jsonb value, which is the same for the same value whatever text it was written from.
    /// </summary>
    public byte[] Canonical()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(Sequence);
            json.WriteStringValue(Id.ToString("D"));
            json.WriteStringValue(StreamId);
            json.WriteNumberValue(Version);
            json.WriteStringValue(Type);
            json.WriteStringValue(Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(TenantId);
            json.WriteStringValue(UserName);
            json.WriteStringValue(CorrelationId);
            json.WriteStringValue(Data);
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>The link's hash: SHA-256 over the previous link's hash followed by this event's canonical content.</summary>
    public byte[] Link(ReadOnlySpan<byte> previous) => Link(previous, Canonical());

    /// <summary>The link's hash over a canonical content already built (<see cref="Canonical"/>).</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> canonical)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previous);
        sha.AppendData(canonical);
        return sha.GetHashAndReset();
    }

    /// <summary>The "previous hash" of the first link.</summary>
    public static readonly byte[] Genesis = new byte[32];
}
