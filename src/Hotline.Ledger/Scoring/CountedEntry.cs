using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

public sealed record CountedEntry(Guid Id, string Clause, decimal Points, DateOnly OccurredOn, DateTimeOffset RecordedAt, Guid UnitId, Guid? PersonId, bool Automatic,
    string? CaseNumber = null, string? Month = null);
