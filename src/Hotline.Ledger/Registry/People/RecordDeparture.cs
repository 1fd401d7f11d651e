namespace Hotline.Ledger.Registry.People;

/// <summary>The person leaves their unit; <see cref="LastDay"/> is the last day they belong to it.</summary>
public sealed record RecordDeparture(DateOnly LastDay);
