namespace Hotline.Ledger.Registry.People;

/// <summary>The person belongs to another unit from <see cref="EffectiveOn"/> on.</summary>
public sealed record PersonTransferred(Guid PersonId, Guid FromUnitId, Guid ToUnitId, DateOnly EffectiveOn, string RecordedBy);
