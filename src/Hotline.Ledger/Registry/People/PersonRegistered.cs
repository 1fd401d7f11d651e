namespace Hotline.Ledger.Registry.People;

/// <summary>A staff member who handles hotline work joins a unit from a date. Starts the person's stream.</summary>
public sealed record PersonRegistered(Guid PersonId, string Name, Guid UnitId, DateOnly EffectiveOn, string RegisteredBy);

/// <summary>The person belongs to another unit from <see cref="EffectiveOn"/> on.</summary>
public sealed record PersonTransferred(Guid PersonId, Guid FromUnitId, Guid ToUnitId, DateOnly EffectiveOn, string RecordedBy);

/// <summary>The person leaves their unit (and the network): <see cref="LastDay"/> is the last day they belong to it.</summary>
public sealed record PersonLeft(Guid PersonId, Guid UnitId, DateOnly LastDay, string RecordedBy);
