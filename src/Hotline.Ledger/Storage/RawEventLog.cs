using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Marten.Events;
using Npgsql;

namespace Hotline.Ledger.Storage;

/// <summary>
/// Events of some types in sequence order, read straight from <c>mt_events</c> and deserialized by the store's own
/// serializer on the thread pool, a page at a time, while the next page is read: the fast read of a rebuild for a
/// fold that needs only each event's data, stream, version and recorded instant (ADR 0207). Archived events are
/// left out, as Marten's own queries leave them out. A type with a compile-time contract (<c>contracts</c>, ADR 0205) is
/// read straight from its bytes through it; any other through the store's serializer.
/// </summary>
internal static class RawEventLog
{
    private const int PageSize = 2_000;

    private sealed record Mapped(EventMapping Mapping, JsonTypeInfo? Contract);

    private sealed record Row(long Sequence, Guid Id, Guid StreamId, long Version, DateTimeOffset Timestamp, Mapped Mapped, byte[] Json);

    public static async IAsyncEnumerable<IEvent[]> Read(IDocumentStore store, IReadOnlyList<Type> types, RebuildTrace clock,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, Func<Type, JsonTypeInfo?>? contracts = null)
    {
        var graph = (EventGraph)((StoreOptions)store.Options).Events;
        var mappings = types.Select(graph.EventMappingFor).ToDictionary(m => m.EventTypeName, m => new Mapped(m, contracts?.Invoke(m.DocumentType)));
        var serializer = store.Options.Serializer();
        // Pages are deserialized in parallel and folded in order: each page's task waits in this queue.
        var pages = Channel.CreateBounded<Task<IEvent[]>>(new BoundedChannelOptions(6) { SingleReader = true, SingleWriter = true });

        var reader = Task.Run(async () =>
        {
            try
            {
                await using var conn = store.Storage.Database.CreateConnection();
                await conn.OpenAsync(ct);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"select seq_id, id, stream_id, version, timestamp, type, data from {store.Options.Events.DatabaseSchemaName}.mt_events " +
                                  "where type = any(@types) and is_archived = false order by seq_id";
                ((NpgsqlCommand)cmd).Parameters.AddWithValue("types", mappings.Keys.ToArray());
                cmd.CommandTimeout = 0;
                await using var rows = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
                var page = new List<Row>(PageSize);
                var started = clock.Now;
                while (await rows.ReadAsync(ct))
                {
                    var sequence = rows.GetInt64(0);
                    var id = rows.GetGuid(1);
                    var stream = rows.GetGuid(2);
                    var version = rows.GetInt64(3);
                    var at = rows.GetFieldValue<DateTimeOffset>(4);
                    var mapping = mappings[rows.GetString(5)];
                    // The jsonb's UTF-8 text as one array, without its version byte: no stream made and read for each row.
                    var json = await rows.GetFieldValueAsync<byte[]>(6, ct);
                    page.Add(new Row(sequence, id, stream, version, at, mapping, json));
                    if (page.Count < PageSize) continue;
                    clock.Since("read rows", started, page.Count);
                    await pages.Writer.WriteAsync(Deserialize(page), ct);
                    page = new List<Row>(PageSize);
                    started = clock.Now;
                }

                clock.Since("read rows", started, page.Count);
                if (page.Count > 0) await pages.Writer.WriteAsync(Deserialize(page), ct);
                pages.Writer.TryComplete();
            }
            catch (Exception failure)
            {
                pages.Writer.TryComplete(failure);
            }
        }, ct);

        Task<IEvent[]> Deserialize(List<Row> page) => Task.Run(() =>
        {
            var started = clock.Now;
            var events = new IEvent[page.Count];
            for (var i = 0; i < page.Count; i++)
            {
                var row = page[i];
                var (mapping, contract) = row.Mapped;
                var data = contract is null ? serializer.FromJson(mapping.DocumentType, new MemoryStream(row.Json, false)) : FromUtf8(row.Json, contract);
                var e = mapping.Wrap(data);
                e.Sequence = row.Sequence;
                e.Id = row.Id;
                e.StreamId = row.StreamId;
                e.Version = row.Version;
                e.Timestamp = row.Timestamp;
                events[i] = e;
            }

            clock.Since("deserialize (thread pool)", started, page.Count);
            return events;
        }, ct);

        await foreach (var page in pages.Reader.ReadAllAsync(ct)) yield return await page;
        await reader;
    }

    /// <summary>An event's data straight from the bytes the log keeps (without jsonb's leading version byte, if the reader left it on).</summary>
    private static object FromUtf8(ReadOnlySpan<byte> json, JsonTypeInfo contract)
    {
        if (json.Length > 0 && json[0] == 1) json = json[1..];
        return JsonSerializer.Deserialize(json, contract) ?? throw new JsonException($"A {contract.Type.Name} stored as null.");
    }
}
