using Hotline.Ledger.Chain;
using Npgsql;

namespace Hotline.Ledger.Integrity;

/// <summary>The chain's last link: what a published result prints so that a later alteration is caught against the printed copy.</summary>
public sealed record ChainHead(long Position, long Sequence, string Digest);

/// <summary>The first thing wrong, by event sequence.</summary>
public sealed record ChainFault(long Sequence, long? Position, string Problem);

/// <summary>
/// A digest printed on a published result — at a chain position, or through a last sequence as circulars
/// and year-end tables print it — checked against the chain as it is recomputed now.
/// </summary>
public sealed record PublishedCheck(long? Position, long? Sequence, string Digest, string? Recomputed, bool Matches);

public sealed record IntegrityReport(
    bool Valid,
    ChainHead Head,
    long LinksVerified,
    long EventsUnsealed,
    long? FirstBadSequence,
    IReadOnlyList<ChainFault> Faults,
    PublishedCheck? Published,
    ReadModelReport? ReadModels = null);

/// <summary>
/// Verifies the ledger's hash chain and hands out its head digest. Verification recomputes every link
/// from the events as they are stored now, in this process: it trusts neither the stored hashes nor
/// anything else in the database.
/// </summary>
public sealed class LedgerIntegrity(IDocumentStore store, CityDatabase db)
{
    private const int MaxFaultsListed = 100;
    private readonly string _chain = ChainStorage.Qualified(store.Options.Events.DatabaseSchemaName);
    private readonly string _events = $"\"{store.Options.Events.DatabaseSchemaName}\".mt_events";

    /// <summary>The current head. Circulars and year-end tables print it (and its position) beside their results.</summary>
    public async Task<ChainHead> HeadAsync(CancellationToken cancellation = default)
    {
        await using var command = db.CreateCommand($"select position, seq_id, hash from {_chain} order by position desc limit 1");
        return await ReadHead(command, cancellation);
    }

    /// <summary>
    /// The head of the longest stretch of the chain that holds only events up to <paramref name="sequence"/>:
    /// a result computed "as the ledger stood at sequence N" prints this, and printing it again later gives
    /// the same digest, however much has been appended since.
    /// </summary>
    public async Task<ChainHead> HeadThroughAsync(long sequence, CancellationToken cancellation = default)
    {
        await using var command = db.CreateCommand(HeadThroughSql(_chain, "$1"));
        command.Parameters.AddWithValue(sequence);
        return await ReadHead(command, cancellation);
    }

    /// <summary>
    /// <see cref="HeadThroughAsync"/>'s digest, read through a Marten session: what a sheet (circular,
    /// year-end table) prints beside its last sequence.
    /// </summary>
    public static async Task<string> DigestThroughAsync(IQuerySession session, long sequence, CancellationToken cancellation = default)
    {
        var chain = ChainStorage.Qualified(session.DocumentStore.Options.Events.DatabaseSchemaName);
        var digests = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(({HeadThroughSql(chain, "?").Replace("position, seq_id, hash", "hash")}), ?)", cancellation,
            sequence, Convert.ToHexStringLower(ChainedEvent.Genesis));
        return digests.Single();
    }

    private static string HeadThroughSql(string chain, string sequence) =>
        $"""
         select position, seq_id, hash from {chain}
         where position < coalesce((select min(position) from {chain} where seq_id > {sequence}), 9223372036854775807)
         order by position desc limit 1
         """;

    /// <summary>
    /// Walks the whole chain. An altered event (SQL UPDATE), a deleted one (DELETE), a damaged link and an
    /// event that was never sealed (written around the ledger) each fail it, naming the first bad sequence.
    /// </summary>
    public async Task<IntegrityReport> VerifyAsync(
        long? publishedPosition = null, string? publishedDigest = null, long? publishedSequence = null, CancellationToken cancellation = default)
    {
        var faults = new List<ChainFault>();
        // Each link is checked against the stored hash before it, so one altered event is one fault;
        // the chain recomputed from genesis alone is what a printed digest is compared with.
        byte[] storedBefore = ChainedEvent.Genesis;
        byte[]? fromGenesis = ChainedEvent.Genesis;
        long verified = 0, expectedPosition = 1;
        var head = new ChainHead(0, 0, Convert.ToHexStringLower(ChainedEvent.Genesis));
        string? recomputedAtPublished = publishedPosition == 0 ? head.Digest : null;
        // Through a sequence: the longest stretch of links that holds only events up to it.
        var throughOpen = publishedSequence is not null;
        string? recomputedThrough = head.Digest;

        await using (var command = db.CreateCommand(
            $"""
             select c.position, c.seq_id, c.hash, e.seq_id is not null, {ChainedEvent.Columns}
             from {_chain} c left join {_events} e on e.seq_id = c.seq_id
             order by c.position
             """))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var position = reader.GetInt64(0);
                var sequence = reader.GetInt64(1);
                var stored = reader.GetString(2);
                head = new ChainHead(position, sequence, stored);

                var sound = true;
                if (position != expectedPosition)
                {
                    Note(faults, new(sequence, position, $"The chain lacks link {expectedPosition}: links were removed before this one."));
                    sound = false;
                    fromGenesis = null;
                }

                expectedPosition = position + 1;

                if (!reader.GetBoolean(3))
                {
                    Note(faults, new(sequence, position, "The event sealed at this sequence is no longer in the ledger (deleted, or its sequence changed)."));
                    fromGenesis = null;
                }
                else
                {
                    var e = ChainedEvent.Read(reader, 4);
                    if (Convert.ToHexStringLower(e.Link(storedBefore)) != stored)
                    {
                        Note(faults, new(sequence, position, "The event differs from what was sealed (altered after it was recorded), or its link was altered."));
                        sound = false;
                    }

                    fromGenesis = fromGenesis is null ? null : e.Link(fromGenesis);
                    if (sound) verified++;
                }

                if (position == publishedPosition) recomputedAtPublished = fromGenesis is null ? null : Convert.ToHexStringLower(fromGenesis);
                if (throughOpen && sequence > publishedSequence) throughOpen = false;
                if (throughOpen) recomputedThrough = fromGenesis is null ? null : Convert.ToHexStringLower(fromGenesis);
                storedBefore = Convert.FromHexString(stored);
            }
        }

        var unsealed = await Unsealed(faults, cancellation);
        faults.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));

        PublishedCheck? published = null;
        if (publishedDigest is { } d && (publishedPosition is not null || publishedSequence is not null))
        {
            var recomputed = publishedSequence is not null ? recomputedThrough : recomputedAtPublished;
            published = new PublishedCheck(publishedPosition, publishedSequence, d, recomputed,
                string.Equals(recomputed, d.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        return new IntegrityReport(
            faults.Count == 0 && published?.Matches != false, head, verified, unsealed,
            faults.Count == 0 ? null : faults[0].Sequence, faults, published);
    }

    // Events the chain has never seen: not appended through a ledger session, so nothing vouches for them.
    private async Task<long> Unsealed(List<ChainFault> faults, CancellationToken cancellation)
    {
        await using var command = db.CreateCommand(
            $"""
             select e.seq_id, count(*) over () from {_events} e
             where e.type <> 'tombstone' and not exists (select 1 from {_chain} c where c.seq_id = e.seq_id)
             order by e.seq_id limit {MaxFaultsListed}
             """);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        long count = 0;
        while (await reader.ReadAsync(cancellation))
        {
            count = reader.GetInt64(1);
            Note(faults, new(reader.GetInt64(0), null, "The event was never sealed: it reached the ledger without passing through it."));
        }

        return count;
    }

    private static void Note(List<ChainFault> faults, ChainFault fault)
    {
        if (faults.Count < MaxFaultsListed) faults.Add(fault);
    }

    private static async Task<ChainHead> ReadHead(NpgsqlCommand command, CancellationToken cancellation)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation)
            ? new ChainHead(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2))
            : new ChainHead(0, 0, Convert.ToHexStringLower(ChainedEvent.Genesis));
    }
}
