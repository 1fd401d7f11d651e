namespace Hotline.Ledger.Appeals;

/// <summary>The approved result that closes a year to appeals: the evaluation's id and when it was approved.</summary>
public sealed record ApprovedYear(Guid Id, DateTimeOffset? ApprovedAt);
