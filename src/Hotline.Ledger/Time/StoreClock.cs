namespace Hotline.Ledger.Time;

/// <summary>
/// The clock the event store stamps recordedAt with. PostgreSQL keeps instants to the microsecond;
/// .NET to 100 ns. Stamping at microsecond precision makes the instant in mt_events, in the projected
/// rows and in every answer the very same value, so a knownAt copied from an answer is exact.
/// </summary>
public sealed class StoreClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;
}
