namespace Hotline.Ledger.Registry.People;

public sealed record RegisterPerson(string Name, Guid UnitId, DateOnly? EffectiveOn);
