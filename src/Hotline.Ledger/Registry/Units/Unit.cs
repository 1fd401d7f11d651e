namespace Hotline.Ledger.Registry.Units;

/// <summary>The unit as registered: a snapshot projected inline from its stream.</summary>
public sealed class Unit
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";

    /// <summary>The code folded to upper case: codes are unique regardless of case.</summary>
    public string CodeKey { get; set; } = "";

    public string Name { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";

    public static string KeyOf(string code) => code.Trim().ToUpperInvariant();

    public static Unit Create(IEvent<UnitRegistered> e) => new()
    {
        Id = e.Data.UnitId,
        Code = e.Data.Code,
        CodeKey = KeyOf(e.Data.Code),
        Name = e.Data.Name,
        RegisteredAt = e.Timestamp,
        RegisteredBy = e.Data.RegisteredBy,
    };
}
