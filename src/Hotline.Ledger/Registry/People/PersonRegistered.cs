namespace Hotline.Ledger.Registry.People;

/// <summary>A staff member who handles hotline work joins a unit from a date. Starts the person's stream.</summary>
public sealed record PersonRegistered(Guid PersonId, string Name, Guid UnitId, DateOnly EffectiveOn, string RegisteredBy);
