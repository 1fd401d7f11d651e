namespace Hotline.Ledger.Entries;

/// <summary>
/// The filters of the entry search other than its subject (ADR 0068): clause, status as the ledger stood at
/// <c>knownAt</c>, the business dates, the recording instants, how it was recorded and the case. Bound by
/// <see cref="QueryBinding"/>.
/// </summary>
[BoundFromQuery]
public sealed record EntryFilter(
    string? Clause, EntryStatus? Status, DateTimeOffset Seen, DateOnly? From, DateOnly? To,
    DateTimeOffset? RecordedFrom, DateTimeOffset? RecordedTo, bool? Automatic, string? CaseNumber)
{
    public static (EntryFilter? Filter, FieldRefusal? Fault) Parse(string? clause, string? status, string? from, string? to,
        string? recordedFrom, string? recordedTo, string? knownAt, string? automatic, string? caseNumber, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (QueryText.Instant(knownAt, "knownAt", out var known) is { } k) return (null, k);
        if (QueryText.Date(from, "from", out var fromDate) is { } f) return (null, f);
        if (QueryText.Date(to, "to", out var toDate) is { } t) return (null, t);
        if (fromDate > toDate) return (null, new("to", "query.range", "to", "from"));
        if (QueryText.Instant(recordedFrom, "recordedFrom", out var recordedAfter) is { } rf) return (null, rf);
        if (QueryText.Instant(recordedTo, "recordedTo", out var recordedBefore) is { } rt) return (null, rt);
        if (recordedAfter > recordedBefore) return (null, new("recordedTo", "query.range", "recordedTo", "recordedFrom"));
        var named = StatusWord.Named<EntryStatus>(status);
        if (!string.IsNullOrWhiteSpace(status) && named is null)
            return (null, new("status", "entries.status.unknown", StatusWord.All<EntryStatus>()));
        bool? isAutomatic = null;
        if (!string.IsNullOrWhiteSpace(automatic))
        {
            if (!bool.TryParse(automatic, out var parsed)) return (null, new("automatic", "entries.automatic.format"));
            isAutomatic = parsed;
        }

        return (new EntryFilter(string.IsNullOrWhiteSpace(clause) ? null : clause.Trim(), named,
            known is { } kn && kn < now ? kn : now, fromDate, toDate, recordedAfter, recordedBefore, isAutomatic,
            string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim()), null);
    }
}
