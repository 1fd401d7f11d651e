namespace Hotline.Ledger.Registry.Units;

public sealed record RegisterUnit(string Code, string Name);
