namespace Hotline.Ledger.SelfChecks;

public sealed record SelfCheckItem(string Clause, decimal Points, string? Note);

/// <summary>
/// A unit's monthly self-check (月自查, M1): its own points on each unit criterion. A resubmission for
/// the same month is another event on the month's stream; the latest counts, the earlier stay on record.
/// </summary>
public sealed record SelfCheckSubmitted(
    Guid SelfCheckId, Guid UnitId, string Month, IReadOnlyList<SelfCheckItem> Items, string? Summary,
    string SubmittedBy, DateOnly DueOn);
