namespace Hotline.Ledger.Security;

/// <summary>
/// A read record handed to <see cref="ReadLog"/> as its read starts: its flush runs while the read does its own work,
/// and the read waits for <see cref="Written"/> only before it answers. A read that ends without an answer has its
/// record withdrawn (<see cref="ReadLog.WithdrawAsync"/>).
/// </summary>
public sealed class PendingRead
{
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _settled;

    internal PendingRead(ReadRecord record, string? city)
    {
        Record = record;
        City = city;
        // A read that fails on its own never looks at its record's flush; its failure must not go unobserved.
        _ = _written.Task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public ReadRecord Record { get; }

    /// <summary>The city whose database holds the record (<see cref="CityScope"/>), captured when the read started.</summary>
    public string? City { get; }

    /// <summary>Completes when the flush that holds the record has committed; fails with that flush.</summary>
    public Task Written => _written.Task;

    internal void Committed() => _written.TrySetResult();

    internal void Failed(Exception e) => _written.TrySetException(e);

    /// <summary>True for the first caller only: the read is either answered or withdrawn, once.</summary>
    internal bool Settle() => Interlocked.Exchange(ref _settled, 1) == 0;
}
