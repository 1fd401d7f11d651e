namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// A row left out of a batch, by its position (0-based) and, for CSV, its line; with the faults per field, worded in the
/// request's language (<see cref="Errors"/>) and as stable codes (<see cref="ErrorCodes"/>), as in a problem.
/// </summary>
public sealed record RejectedRow(int Index, string? EventId, IReadOnlyDictionary<string, string[]> Errors, int? Line = null,
    IReadOnlyDictionary<string, string[]>? ErrorCodes = null)
{
    public static RejectedRow Of(int index, string? eventId, IReadOnlyDictionary<string, List<Refusal>> faults, int? line = null) =>
        new(index, eventId, faults.ToDictionary(f => f.Key, f => f.Value.Select(r => r.Text).ToArray()), line,
            faults.ToDictionary(f => f.Key, f => f.Value.Select(r => r.Code).ToArray()));
}

/// <summary>
/// The answer to a batch: <see cref="Accepted"/> rows were appended, <see cref="Duplicates"/> had been
/// seen before and changed nothing, the <see cref="Rejected"/> rows were left out and the good ones kept.
/// <see cref="WaitingForAssignment"/> of the accepted rows belong to cases whose assignment has not
/// arrived yet: they are kept and count once it does. <see cref="RecordedAt"/> is the instant the
/// ledger recorded the batch (use it as a <c>knownAt</c>); null when nothing was appended.
/// </summary>
public sealed record CaseFeedAnswer(
    int Accepted,
    int Duplicates,
    IReadOnlyList<RejectedRow> Rejected,
    int WaitingForAssignment,
    DateTimeOffset? RecordedAt);
