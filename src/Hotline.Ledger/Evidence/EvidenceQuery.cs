namespace Hotline.Ledger.Evidence;

/// <summary>
/// The trail's window: business dates <c>from</c>–<c>to</c> (open ends when absent) as the ledger stood at <c>knownAt</c>
/// (now when absent or later). Bound by <see cref="QueryBinding"/>.
/// </summary>
[BoundFromQuery]
public sealed record EvidenceQuery(DateOnly From, DateOnly To, DateTimeOffset KnownAt)
{
    public static (EvidenceQuery? Query, FieldRefusal? Fault) Parse(string? from, string? to, string? knownAt, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (QueryText.Instant(knownAt, "knownAt", out var known) is { } badInstant) return (null, badInstant);
        if (QueryText.Date(from, "from", out var first) is { } badFrom) return (null, badFrom);
        if (QueryText.Date(to, "to", out var last) is { } badTo) return (null, badTo);
        var window = new EvidenceQuery(first ?? DateOnly.MinValue, last ?? DateOnly.MaxValue, known is { } k && k < now ? k : now);
        return window.From > window.To ? (null, new("to", "query.range", "to", "from")) : (window, null);
    }
}
