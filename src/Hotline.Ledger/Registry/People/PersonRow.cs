namespace Hotline.Ledger.Registry.People;

/// <summary>A person as a downloaded row, with the names of their units (ADR 0082).</summary>
public sealed record PersonRow(PersonView Person, IReadOnlyDictionary<Guid, Hotline.Ledger.Registry.Units.Unit> Units)
{
    public static readonly IReadOnlyList<Hotline.Ledger.Exports.Column<PersonRow>> Columns =
    [
        new("姓名", r => r.Person.Name),
        new("现所在单位代码", r => r.Units.GetValueOrDefault(r.Person.UnitId)?.Code),
        new("现所在单位", r => r.Units.GetValueOrDefault(r.Person.UnitId)?.Name),
        new("所在单位及期间", r => string.Join("; ", r.Person.Memberships.Select(m =>
            $"{r.Units.GetValueOrDefault(m.UnitId)?.Name ?? m.UnitId.ToString()} {m.From:yyyy-MM-dd}至{(m.To is { } to ? to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "今")}"))),
        new("人员编号", r => r.Person.Id),
    ];
}
