namespace Hotline.Ledger.Benchmarks.Running;

/// <summary>
/// The city's "now". While history is loaded the loader moves it to each batch's recording instant, so
/// the store stamps recordedAt as it would have then (the events keep their business dates in their
/// payload; no timestamp is ever overridden). Once history is in, it runs on from the city's today in
/// real time, so live requests get distinct, increasing instants.
/// </summary>
public sealed class CityClock : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _pinned;
    private long _followingSince = -1;

    public CityClock(DateTimeOffset start) => _pinned = start;

    /// <summary>Moves the clock to <paramref name="instant"/>; it never goes back.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            var now = Now();
            _pinned = instant > now ? instant : now;
            _followingSince = -1;
        }
    }

    /// <summary>From here on the clock advances in real time.</summary>
    public void Run()
    {
        lock (_gate)
        {
            _pinned = Now();
            _followingSince = GetTimestamp();
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return Now();
    }

    private DateTimeOffset Now() =>
        _followingSince < 0 ? _pinned : _pinned + GetElapsedTime(_followingSince);
}
