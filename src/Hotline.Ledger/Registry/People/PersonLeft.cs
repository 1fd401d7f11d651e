namespace Hotline.Ledger.Registry.People;

/// <summary>The person leaves their unit (and the network): <see cref="LastDay"/> is the last day they belong to it.</summary>
public sealed record PersonLeft(Guid PersonId, Guid UnitId, DateOnly LastDay, string RecordedBy);
