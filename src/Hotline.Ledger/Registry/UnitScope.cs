using Hotline.Ledger.Registry.People;

namespace Hotline.Ledger.Registry;

/// <summary>
/// What a reader may see: every unit, or — for a liaison — one unit and its people.
/// <see cref="UnitId"/> is null for a confined reader whose unit is not registered: they see nothing.
/// </summary>
public sealed record UnitScope(bool Confined, Guid? UnitId, string? UnitCode)
{
    public static readonly UnitScope Everything = new(false, null, null);

    public bool Sees(Guid unitId) => !Confined || UnitId == unitId;

    /// <summary>A person is the liaison's business when any of their memberships, past or present, is in the unit.</summary>
    public bool Sees(Person person) => !Confined || person.Memberships.Any(m => m.UnitId == UnitId);
}
