namespace Hotline.Ledger.SpotChecks;

public sealed record RecordSpotCheck(Guid UnitId, DateOnly CheckedOn, string Scope, string Findings, IReadOnlyList<Guid>? EntryIds);
