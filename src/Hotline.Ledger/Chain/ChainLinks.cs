using System.Data.Common;
using Hotline.Ledger.Kernel;
using Npgsql;
using NpgsqlTypes;

namespace Hotline.Ledger.Chain;

/// <summary>
/// The two ends of a seal that every sealer shares (ADR 0011): reading the chain's head under its lock, and inserting
/// a commit's links after it in one statement. One place, so that the sealers cannot drift apart.
/// </summary>
public static class ChainLinks
{
    /// <summary>The chain's last link; to be read only once the chain's lock is held.</summary>
    public static string HeadSql(string chain) => $"select position, hash from {chain} order by position desc limit 1";

    /// <summary>The head read by <see cref="HeadSql"/>, or the genesis before the first link.</summary>
    public static async Task<(long Position, byte[] Hash)> ReadHeadAsync(DbDataReader reader, CancellationToken token) =>
        await reader.ReadAsync(token)
            ? (reader.GetInt64(0), Convert.FromHexString(reader.GetString(1)))
            : (0L, ChainedEvent.Genesis);

    /// <summary>
    /// Queues the chain's lock and then the read of its head as two statements of a session's batch, to be queued after
    /// every statement that locks rows another sealer may hold (the lock is taken last, as at commit). Two statements,
    /// not one: the head's read takes its snapshot only once the lock is granted, so it sees the head the last holder
    /// committed. The lock is transaction-scoped: held from the head's read to the commit.
    /// </summary>
    public static void QueueLockAndHead(IDocumentOperations session, string schema, Action<(long Position, byte[] Hash)> read)
    {
        session.QueueOperation(new BatchStatement($"select pg_advisory_xact_lock({ChainStorage.LockKey(schema)})"));
        session.QueueOperation(new BatchStatement(HeadSql(ChainStorage.Qualified(schema)))
        {
            Returned = async (reader, token) => read(await ReadHeadAsync(reader, token)),
        });
    }

    /// <summary>
    /// The canonical content of each row a statement returned in <see cref="ChainedEvent.Columns"/>' order, so that a
    /// seal needs no read-back and hashes nothing but the links under the lock.
    /// </summary>
    public static async Task<List<(long Sequence, byte[] Canonical)>> ReadReturnedAsync(DbDataReader reader, CancellationToken token)
    {
        if (reader is not NpgsqlDataReader rows)
            throw new InvalidOperationException($"The appended rows came as {reader.GetType().Name}; their events could not be sealed.");
        var events = new List<(long Sequence, byte[] Canonical)>();
        while (await rows.ReadAsync(token))
        {
            var e = ChainedEvent.Read(rows, 0);
            events.Add((e.Sequence, e.Canonical()));
        }

        return events;
    }

    /// <summary>
    /// Links <paramref name="events"/> (canonical contents already built) after <paramref name="head"/>, in their log
    /// order, and inserts the links in one statement; the chain's lock must be held since the head was read.
    /// </summary>
    public static Task LinkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string chain,
        (long Position, byte[] Hash) head, List<(long Sequence, byte[] Canonical)> events, CancellationToken token)
    {
        // The chain takes a commit's events in their log order, as a read-back ordered by seq_id does.
        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var (position, previous) = head;
        var sequences = new long[events.Count];
        var hashes = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            previous = ChainedEvent.Link(previous, events[i].Canonical);
            sequences[i] = events[i].Sequence;
            hashes[i] = Convert.ToHexStringLower(previous);
        }

        return InsertAsync(connection, transaction, chain, position, sequences, hashes, token);
    }

    /// <summary>Inserts the links of <paramref name="sequences"/> (log order) after <paramref name="position"/>.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string chain,
        long position, long[] sequences, string[] hashes, CancellationToken token)
    {
        await using var insert = new NpgsqlCommand(
            $"insert into {chain} (position, seq_id, hash) select $1 + n, s, h from unnest($2, $3) with ordinality as t(s, h, n)",
            connection, transaction);
        insert.Parameters.AddWithValue(position);
        insert.Parameters.Add(new NpgsqlParameter { Value = sequences, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        insert.Parameters.Add(new NpgsqlParameter { Value = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync(token);
    }
}
