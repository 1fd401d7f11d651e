namespace Hotline.Ledger.Province;

/// <summary>
/// A city of the province as the province reads it: its code (English, as tokens name it), its Chinese name, and whether
/// it is in service (a disabled city's ledger is kept and still read by the province, ADR 0185).
/// </summary>
public sealed record City(string Code, string Name, bool InService = true);
