namespace Hotline.Ledger.Marks;

/// <summary>Exactly one of <see cref="UnitId"/> and <see cref="PersonId"/> names the subject.</summary>
public sealed record RecordMark(int Year, string Clause, Guid? UnitId, Guid? PersonId, decimal Points, string Reason);
