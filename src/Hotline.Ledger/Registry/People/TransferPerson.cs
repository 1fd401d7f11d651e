namespace Hotline.Ledger.Registry.People;

public sealed record TransferPerson(Guid ToUnitId, DateOnly EffectiveOn);
