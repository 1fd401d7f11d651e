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

    public static ParsedRow? Parse(int index, CaseEventRow? row, DateTimeOffset now, DateTimeOffset recordedAt, Dictionary<string, List<Refusal>> errors)
    {
        void Fault(string field, Refusal rule)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(rule);
        }

        if (row is null)
        {
            Fault("row", new("caseFeed.row.empty"));
            return null;
        }

        var eventId = row.EventId?.Trim();
        if (string.IsNullOrEmpty(eventId)) Fault("eventId", new("caseFeed.eventId.required"));
        else if (eventId.Length > 100) Fault("eventId", new("caseFeed.eventId.length"));

        var caseNumber = row.CaseNumber?.Trim();
        if (string.IsNullOrEmpty(caseNumber)) Fault("caseNumber", new("caseFeed.caseNumber.required"));
        else if (caseNumber.Length > 64 || caseNumber.Any(char.IsControl)) Fault("caseNumber", new("caseFeed.caseNumber.length"));

        CaseEventType? type = null;
        if (string.IsNullOrWhiteSpace(row.Type)) Fault("type", new("caseFeed.type.required"));
        else if (Types.TryGetValue(row.Type.Trim(), out var t)) type = t;
        else Fault("type", new("caseFeed.type.unknown", row.Type, string.Join(", ", Types.Keys)));

        var at = Instant(row.At, "at", required: true, Fault);
        if (at is { } a)
        {
            if (a < Earliest) Fault("at", new("caseFeed.at.before2000"));
            else if (a > now + ClockTolerance) Fault("at", new("caseFeed.at.future", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
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
            if (!string.IsNullOrWhiteSpace(row.ReplyDueAt)) Fault("replyDueAt", new("caseFeed.due.notAllowed"));
            if (!string.IsNullOrWhiteSpace(row.CompletionDueAt)) Fault("completionDueAt", new("caseFeed.due.notAllowed"));
        }

        if (type == CaseEventType.ExtensionGranted && string.IsNullOrWhiteSpace(row.ReplyDueAt) && string.IsNullOrWhiteSpace(row.CompletionDueAt))
            Fault("replyDueAt", new("caseFeed.extension.dueRequired"));
        if (at is { } start)
        {
            if (replyDueAt <= start) Fault("replyDueAt", new("caseFeed.due.beforeAt", "replyDueAt"));
            if (completionDueAt <= start) Fault("completionDueAt", new("caseFeed.due.beforeAt", "completionDueAt"));
        }

        var result = ResultOf(row.Result, type, Fault);

        if (errors.Count > 0) return null;
        return new ParsedRow(index, caseNumber!, new CaseFact(
            eventId!, type!.Value, at!.Value.ToUniversalTime(), recordedAt, unitId, personId,
            takesDue ? replyDueAt?.ToUniversalTime() : null, takesDue ? completionDueAt?.ToUniversalTime() : null, result));
    }

    private static CaseResult? ResultOf(string? text, CaseEventType? type, Action<string, Refusal> fault)
    {
        var given = !string.IsNullOrWhiteSpace(text);
        switch (type)
        {
            case CaseEventType.ReturnVisit:
                if (given && Results.TryGetValue(text!.Trim(), out var visit)) return visit;
                fault("result", new("caseFeed.result.returnVisit"));
                return null;
            case CaseEventType.OnlineVote:
                if (given && Results.TryGetValue(text!.Trim(), out var vote) && vote is CaseResult.Satisfied or CaseResult.Dissatisfied) return vote;
                fault("result", new("caseFeed.result.onlineVote"));
                return null;
            default:
                if (given && type is not null) fault("result", new("caseFeed.result.notAllowed"));
                return null;
        }
    }

    private static DateTimeOffset? Instant(string? text, string field, bool required, Action<string, Refusal> fault)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) fault(field, new("caseFeed.instant.required", field));
            return null;
        }

        var trimmed = text.Trim();
        if (ExplicitOffset().IsMatch(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value))
            return value;
        fault(field, new("caseFeed.instant.format", field));
        return null;
    }

    private static Guid? Id(string? text, string field, bool required, Action<string, Refusal> fault)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) fault(field, new("caseFeed.id.required", field));
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id) && id != Guid.Empty) return id;
        fault(field, new("caseFeed.id.format", field));
        return null;
    }

    [GeneratedRegex(@"T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
