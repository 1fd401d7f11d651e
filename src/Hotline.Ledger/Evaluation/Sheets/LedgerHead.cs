using Marten;

namespace Hotline.Ledger.Evaluation.Sheets;

/// <summary>Where the ledger stood at an instant: the last event sequence, and its integrity digest.</summary>
public static class LedgerHead
{
    /// <summary>
    /// The highest sequence of an event recorded at or before <paramref name="knownAt"/> (0 for none).
    /// Failed appends leave tombstone rows, which are not events.
    /// </summary>
    public static async Task<long> SequenceAt(IQuerySession session, DateTimeOffset knownAt)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var rows = await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce(max(seq_id), 0) from \"{schema}\".mt_events where timestamp <= ? and type <> 'tombstone'",
            CancellationToken.None, knownAt.ToUniversalTime());
        return rows.Single();
    }

    /// <summary>
    /// The ledger's head digest after the event at <paramref name="sequence"/>, where integrity exists.
    /// THE place to fill in: the hash chain (branch `security`) answers here with its link at that
    /// sequence; until it lands there is none, and a sheet's digest is null.
    /// </summary>
    public static Task<string?> DigestAt(IQuerySession session, long sequence) => Task.FromResult<string?>(null);
}
