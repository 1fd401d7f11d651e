using Hotline.Ledger.Cases.Feed;
using Hotline.Ledger.Cases.Rates;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace Hotline.Ledger.Cases;

/// <summary>
/// The case files and the units' and people's rate counters as one Marten projection of the case streams, so
/// that Marten's own <c>projections rebuild</c> rebuilds them with every other read model (ADR 0160).
/// <para>
/// Registered <b>inline</b>, and applied inline by the writers themselves: the feed (ADR 0020, 0044) and the
/// deadline judge (ADR 0023) must decide from the file, so they lock the files in id order (ADR 0048) and write
/// them, with the counters' difference, in the transaction of their events, through the same derivation
/// (<see cref="CaseTimeline"/>) and the feed's one-statement write. When Marten calls this inline, on their own
/// save, the files already hold these events: it does nothing.
/// </para>
/// <para>
/// When Marten's daemon rebuilds it, <see cref="Project"/> runs a page of events at a time: it reads the touched
/// files in one statement, applies what they do not hold yet (<see cref="CaseWrites"/>: facts by the platform's
/// event id, charges by their entry), and writes the changed files in one statement and the counter rows of
/// each write in another. From empty tables it gives back every file and, summed per subject, year, day and
/// recorded instant, every counter; over events the writers have already applied it changes nothing.
/// </para>
/// <para>The fast path behind the same read models is <see cref="CaseRebuild"/> (one pass, COPY), which
/// <c>./run.sh rebuild</c> runs for this projection.</para>
/// </summary>
public sealed class CaseFileProjection : IProjection
{
    public const string ProjectionName = "CaseFile";

    /// <summary>Called once from <c>CaseStorage</c>, the case slice's Marten configuration.</summary>
    public static void Register(StoreOptions opts)
    {
        var counters = CaseCounters.Table(opts.DatabaseSchemaName).Identifier.QualifiedName;
        var checkpoints = CounterCheckpoints.Table(opts.DatabaseSchemaName).Identifier.QualifiedName;
        opts.Projections.Add(new CaseFileProjection(), ProjectionLifecycle.Inline, ProjectionName, rebuild =>
        {
            // What a rebuild starts from: no file, no counter row, and no checkpoint (taken of the rows alone, ADR 0045).
            rebuild.DeleteViewTypeOnTeardown<CaseFile>();
            rebuild.DeleteDataInTableOnTeardown(counters);
            rebuild.DeleteDataInTableOnTeardown(checkpoints);
        });
    }

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        InRebuild(operations) ? Project(operations, events, cancellation) : Task.CompletedTask;

    /// <summary>Applies case events, in log order, to the files and counters they are not in yet.</summary>
    public static async Task Project(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var mine = events.Where(e => e.Data is ICaseEvent or ReplyDeadlineMissed).ToList();
        if (mine.Count == 0) return;

        var ids = mine.Select(e => e.StreamId).Distinct().ToArray();
        var files = (await operations.LoadManyAsync<CaseFile>(cancellation, ids)).ToDictionary(f => f.Id);
        var writes = new CaseWrites();
        var changed = new List<CaseFile>();
        foreach (var e in mine)
        {
            if (!files.TryGetValue(e.StreamId, out var file))
                files[e.StreamId] = file = new CaseFile { Id = e.StreamId, CaseNumber = CaseRebuild.CaseNumberOf(e.Data) };
            if (writes.Apply(file, e) && !changed.Contains(file)) changed.Add(file);
        }

        writes.EndWrite();
        foreach (var file in changed) file.Refresh(writes.Forget(file));
        CaseFileBatch.Upsert(operations, changed);
        CaseCounters.Queue(operations, writes.Rows);
    }

    /// <summary>
    /// Whether Marten's daemon is rebuilding the projection. Anywhere else — inline, on the save of the feed or the
    /// judge — the writers have applied these events already, and <see cref="Project"/> would read the files only to
    /// change nothing (the test <c>The_case_projection_over_events_already_written_changes_nothing</c> holds it to
    /// that). The mode is a public property of the daemon's session type, which is not itself public.
    /// </summary>
    private static bool InRebuild(IDocumentOperations operations) =>
        operations.GetType().GetProperty("Mode")?.GetValue(operations) is ShardExecutionMode.Rebuild;
}
