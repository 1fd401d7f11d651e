using System.Data.Common;
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
