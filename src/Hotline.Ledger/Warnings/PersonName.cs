namespace Hotline.Ledger.Warnings;

/// <summary>A person as a warning names them: their name and the unit of their latest membership.</summary>
public sealed record PersonName(Guid Id, string Name, Guid UnitId);
