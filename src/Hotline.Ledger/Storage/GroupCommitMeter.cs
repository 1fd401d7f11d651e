using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hotline.Ledger.Storage;

/// <summary>
/// Where a group commit's time goes, as .NET metrics (meter <c>Hotline.Ledger.GroupCommit</c>, readable with
/// <c>dotnet-counters</c> or a <see cref="MeterListener"/>): each phase of a batch and of a single entry's request
/// is one histogram of milliseconds tagged with its phase. Without a listener a recording costs next to nothing.
/// </summary>
public static class GroupCommitMeter
{
    public const string Name = "Hotline.Ledger.GroupCommit";

    private static readonly Meter Meter = new(Name);

    /// <summary>A batch's phases: open, steps, seal, commit (milliseconds per batch).</summary>
    public static readonly Histogram<double> Batch = Meter.CreateHistogram<double>("hotline.group_commit.batch", "ms");

    /// <summary>Writes per batch.</summary>
    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("hotline.group_commit.batch_size", "{write}");

    /// <summary>A step's phases: queued (asked to batch begun), work (its own statements), settled (its end to its answer).</summary>
    public static readonly Histogram<double> Step = Meter.CreateHistogram<double>("hotline.group_commit.step", "ms");

    /// <summary>A single entry's phases: decide (reads before the batch), group (asked to answered), session, save, answer, notices (milliseconds per request).</summary>
    public static readonly Histogram<double> Entry = Meter.CreateHistogram<double>("hotline.entries.single", "ms");

    /// <summary>The milliseconds since <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp) into <paramref name="histogram"/>.</summary>
    public static void Record(Histogram<double> histogram, string phase, long started)
    {
        if (!histogram.Enabled) return;
        histogram.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("phase", phase));
    }
}

/// <summary>
/// Times the round trips of a shared session's save as the <c>joint db</c> phase (the rest of the save is the
/// .NET side: building the commands, the projections, the outbox), and counts them as <c>joint round trips</c>.
/// </summary>
internal sealed class JointSaveTrace : Marten.IMartenSessionLogger
{
    private long _sent;

    public void OnBeforeExecute(Npgsql.NpgsqlCommand command) => Sent();
    public void OnBeforeExecute(Npgsql.NpgsqlBatch batch) => Sent();
    public void LogSuccess(Npgsql.NpgsqlCommand command) => Answered();
    public void LogSuccess(Npgsql.NpgsqlBatch batch) => Answered();
    public void LogFailure(Npgsql.NpgsqlCommand command, Exception ex) => Answered();
    public void LogFailure(Npgsql.NpgsqlBatch batch, Exception ex) => Answered();
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(Marten.IDocumentSession session, Marten.Services.IChangeSet commit) { }

    private void Sent()
    {
        _sent = Stopwatch.GetTimestamp();
        GroupCommitMeter.Batch.Record(1, new KeyValuePair<string, object?>("phase", "joint round trips"));
    }

    private void Answered()
    {
        if (_sent != 0) GroupCommitMeter.Record(GroupCommitMeter.Batch, "joint db", _sent);
        _sent = 0;
    }
}
