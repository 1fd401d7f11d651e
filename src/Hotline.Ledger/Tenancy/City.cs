namespace Hotline.Ledger.Tenancy;

/// <summary>A city on this deployment: its code (what the <c>city</c> claim names) and its Chinese name.</summary>
public sealed record City(string Code, string Name, bool IsDefault = false);
