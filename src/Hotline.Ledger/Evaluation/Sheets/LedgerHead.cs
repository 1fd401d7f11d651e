using Hotline.Ledger.Integrity;

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
    /// The ledger's head digest through the event at <paramref name="sequence"/>: the hash chain's link
    /// after the longest stretch holding only events up to it (ADR 0011). The same later, however much is
    /// appended; `GET /api/integrity?sequence=&amp;digest=` checks a printed copy against it.
    /// </summary>
    public static async Task<string?> DigestAt(IQuerySession session, long sequence) =>
        await LedgerIntegrity.DigestThroughAsync(session, sequence);
}
