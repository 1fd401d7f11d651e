namespace Hotline.Ledger.Province;

/// <summary>A city of the province as the province reads it: its code (English, as tokens name it) and its Chinese name.</summary>
public sealed record City(string Code, string Name);
