namespace Hotline.Ledger.SpotChecks;

/// <summary>The office checked a unit's work at any time (抽查, M1): what it looked at and what it found.</summary>
public sealed record SpotCheckRecorded(Guid SpotCheckId, Guid UnitId, DateOnly CheckedOn, string Scope, string Findings,
    IReadOnlyList<Guid> EntryIds, string RecordedBy);

/// <summary>An entry the spot check led to, linked after the fact.</summary>
public sealed record SpotCheckEntryLinked(Guid SpotCheckId, Guid EntryId, string LinkedBy);
