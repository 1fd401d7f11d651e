using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Storage;
using Npgsql;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Hotline.Ledger.Deadlines;

/// <summary>
/// Judges every deadline passed as of the injected clock (ADR 0023): reply deadlines (D3.1) and monthly
/// reports (D3.3). Judgements are serialised by a transaction-scoped advisory lock, and each automatic
/// entry has a name-based id, so a firing that races another, or repeats after a restart, records nothing twice.
/// </summary>
[WolverineHandler]
public static class DeadlineJudge
{
    // A conflict is retried at once; a judgement that timed out waiting for a lock or lost its connection is
    // retried after a pause instead of going to the error queue, since a judgement done twice records nothing twice.
    public static void Configure(HandlerChain chain)
    {
        chain.OnException(StoreConflicts.IsConflict).RetryTimes(5);
        chain.OnException<NpgsqlException>().RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));
    }

    public static async Task<JudgeDueDeadlines?> Handle(JudgeDueDeadlines _, IDocumentSession session, TimeProvider clock,
        RulebookCatalog rulebooks, IOptions<DeadlineOptions> options, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        // One lock per ledger: its judgements never overlap; another schema's in the same database go on beside them.
        await session.AdvancedSql.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?)", ct,
            Kernel.SchemaLock.Key("deadlines", session.DocumentStore.Options.DatabaseSchemaName));

        // Read after the lock: a judgement that waited sees what the one before it recorded.
        var now = clock.GetUtcNow();
        var more = await ReplyDeadlines.Judge(session, now - options.Value.FeedGrace, rulebooks, options.Value.CasesPerRun, ct);
        await MonthlyReportDeadlines.Judge(session, now, rulebooks, ct);
        return more ? new JudgeDueDeadlines() : null;
    }
}
