using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>A row that passed the checks: its case and the fact it adds.</summary>
public sealed record ParsedRow(int Index, string CaseNumber, CaseFact Fact)
{
    /// <summary>The case's stream, hashed once per row: the claims, the files and the append all need it.</summary>
    public Guid Stream { get; } = CaseIds.StreamOf(CaseNumber);
}

/// <summary>
/// The checks on one platform row that need nothing but the row and the clock (the registry checks
/// follow in <see cref="CaseFeed"/>). Faults are collected per field, as in a problem's <c>errors</c>.
/// </summary>
public static partial class CaseRowParser
{
    /// <summary>How far ahead of the ledger's clock a platform instant may lie (the two clocks drift).</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, CaseEventType> Types =
        Enum.GetValues<CaseEventType>().ToDictionary(t => char.ToLowerInvariant(t.ToString()[0]) + t.ToString()[1..], StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, CaseResult> Results =
        Enum.GetValues<CaseResult>().ToDictionary(t => char.ToLowerInvariant(t.ToString()[0]) + t.ToString()[1..], StringComparer.OrdinalIgnoreCase);

    public static ParsedRow? Parse(int index, CaseEventRow? row, DateTimeOffset now, DateTimeOffset recordedAt, Dictionary<string, List<string>> errors)
    {
        void Fault(string field, string rule)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(rule);
        }

        if (row is null)
        {
            Fault("row", "The row is empty.");
            return null;
        }

        var eventId = row.EventId?.Trim();
        if (string.IsNullOrEmpty(eventId)) Fault("eventId", "'eventId' is required: the platform's own id of the row.");
        else if (eventId.Length > 100) Fault("eventId", "'eventId' holds at most 100 characters.");

        var caseNumber = row.CaseNumber?.Trim();
        if (string.IsNullOrEmpty(caseNumber)) Fault("caseNumber", "'caseNumber' is required.");
        else if (caseNumber.Length > 64 || caseNumber.Any(char.IsControl)) Fault("caseNumber", "'caseNumber' holds at most 64 printable characters.");

        CaseEventType? type = null;
        if (string.IsNullOrWhiteSpace(row.Type)) Fault("type", "'type' is required.");
        else if (Types.TryGetValue(row.Type.Trim(), out var t)) type = t;
        else Fault("type", $"'{row.Type}' is not a case event type; the types are {string.Join(", ", Types.Keys)}.");

        var at = Instant(row.At, "at", required: true, Fault);
        if (at is { } a)
        {
            if (a < Earliest) Fault("at", "'at' lies before 2000.");
            else if (a > now + ClockTolerance) Fault("at", $"'at' lies in the future (the ledger's clock reads {now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}).");
        }

        var assigns = type is CaseEventType.Assigned or CaseEventType.Reassigned;
        var takesDue = assigns || type == CaseEventType.ExtensionGranted;

        // unitId and personId say who handles the case; on other rows they are ignored (platforms repeat them).
        Guid? unitId = assigns ? Id(row.UnitId, "unitId", required: true, Fault) : null;
        Guid? personId = assigns ? Id(row.PersonId, "personId", required: false, Fault) : null;

        var replyDueAt = Instant(row.ReplyDueAt, "replyDueAt", required: false, Fault);
        var completionDueAt = Instant(row.CompletionDueAt, "completionDueAt", required: false, Fault);
        if (!takesDue && type is not null)
        {
            if (!string.IsNullOrWhiteSpace(row.ReplyDueAt)) Fault("replyDueAt", "Due instants belong to assigned, reassigned and extensionGranted rows.");
            if (!string.IsNullOrWhiteSpace(row.CompletionDueAt)) Fault("completionDueAt", "Due instants belong to assigned, reassigned and extensionGranted rows.");
        }

        if (type == CaseEventType.ExtensionGranted && string.IsNullOrWhiteSpace(row.ReplyDueAt) && string.IsNullOrWhiteSpace(row.CompletionDueAt))
            Fault("replyDueAt", "An extensionGranted row gives the new 'replyDueAt', 'completionDueAt' or both.");
        if (at is { } start)
        {
            if (replyDueAt <= start) Fault("replyDueAt", "'replyDueAt' must come after 'at'.");
            if (completionDueAt <= start) Fault("completionDueAt", "'completionDueAt' must come after 'at'.");
        }

        var result = ResultOf(row.Result, type, Fault);

        if (errors.Count > 0) return null;
        return new ParsedRow(index, caseNumber!, new CaseFact(
            eventId!, type!.Value, at!.Value.ToUniversalTime(), recordedAt, unitId, personId,
            takesDue ? replyDueAt?.ToUniversalTime() : null, takesDue ? completionDueAt?.ToUniversalTime() : null, result));
    }

    private static CaseResult? ResultOf(string? text, CaseEventType? type, Action<string, string> fault)
    {
        var given = !string.IsNullOrWhiteSpace(text);
        switch (type)
        {
            case CaseEventType.ReturnVisit:
                if (given && Results.TryGetValue(text!.Trim(), out var visit)) return visit;
                fault("result", "A returnVisit row's 'result' is satisfied, basicallySatisfied, dissatisfied or unreached.");
                return null;
            case CaseEventType.OnlineVote:
                if (given && Results.TryGetValue(text!.Trim(), out var vote) && vote is CaseResult.Satisfied or CaseResult.Dissatisfied) return vote;
                fault("result", "An onlineVote row's 'result' is satisfied or dissatisfied.");
                return null;
            default:
                if (given && type is not null) fault("result", "'result' belongs to returnVisit and onlineVote rows.");
                return null;
        }
    }

    private static DateTimeOffset? Instant(string? text, string field, bool required, Action<string, string> fault)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) fault(field, $"'{field}' is required: an ISO-8601 instant such as 2020-05-10T09:30:00Z.");
            return null;
        }

        var trimmed = text.Trim();
        if (ExplicitOffset().IsMatch(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value))
            return value;
        fault(field, $"'{field}' must be an ISO-8601 instant with 'Z' or an offset, such as 2020-05-10T09:30:00Z.");
        return null;
    }

    private static Guid? Id(string? text, string field, bool required, Action<string, string> fault)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) fault(field, $"'{field}' is required on this row.");
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id) && id != Guid.Empty) return id;
        fault(field, $"'{field}' must be an id such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.");
        return null;
    }

    [GeneratedRegex(@"T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
