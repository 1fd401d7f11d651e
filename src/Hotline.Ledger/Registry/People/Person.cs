using JasperFx.Events;

namespace Hotline.Ledger.Registry.People;

/// <summary>A spell in one unit; <see cref="To"/> is the last day, inclusive, or null while it lasts.</summary>
public sealed record Membership(Guid UnitId, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date <= To);
}

/// <summary>The person with their membership history: a snapshot projected inline from their stream.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The unit of the latest membership.</summary>
    public Guid UnitId { get; set; }

    public List<Membership> Memberships { get; set; } = [];
    public DateTimeOffset RegisteredAt { get; set; }

    public Guid? UnitOn(DateOnly date) => Memberships.FirstOrDefault(m => m.Covers(date))?.UnitId;

    public Membership Current => Memberships[^1];

    public static Person Create(IEvent<PersonRegistered> e) => new()
    {
        Id = e.Data.PersonId,
        Name = e.Data.Name,
        UnitId = e.Data.UnitId,
        Memberships = [new Membership(e.Data.UnitId, e.Data.EffectiveOn, null)],
        RegisteredAt = e.Timestamp,
    };

    public void Apply(PersonTransferred e)
    {
        Memberships[^1] = Memberships[^1] with { To = e.EffectiveOn.AddDays(-1) };
        Memberships.Add(new Membership(e.ToUnitId, e.EffectiveOn, null));
        UnitId = e.ToUnitId;
    }
}
