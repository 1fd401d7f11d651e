namespace Hotline.Ledger.Registry.Units;

/// <summary>A member unit (网络成员单位) joins the hotline network. Starts the unit's stream.</summary>
public sealed record UnitRegistered(Guid UnitId, string Code, string Name, string RegisteredBy);
