namespace Hotline.Ledger.Registry.People;

/// <summary>The person with their membership history: a snapshot projected inline from their stream.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The unit of the latest membership (the unit they left, once they have left).</summary>
    public Guid UnitId { get; set; }

    public List<Membership> Memberships { get; set; } = [];
    public DateTimeOffset RegisteredAt { get; set; }

    public Guid? UnitOn(DateOnly date) => Memberships.FirstOrDefault(m => m.Covers(date))?.UnitId;

    public Membership Current => Memberships[^1];

    /// <summary>Whether the latest membership has ended: the person belongs to no unit after it.</summary>
    public bool HasLeft => Current.To is not null;

    /// <summary>
    /// The memberships that overlap the days from <paramref name="from"/> to <paramref name="to"/>, cut to
    /// those days: the days the person is scored for in a year (ADR 0065). Empty when they belonged to no unit then.
    /// </summary>
    public IReadOnlyList<Membership> Within(DateOnly from, DateOnly to) =>
        Memberships.Where(m => m.Overlaps(from, to))
            .Select(m => new Membership(m.UnitId, m.From < from ? from : m.From, m.To is { } end && end < to ? end : to))
            .ToList();

    public bool BelongedBetween(DateOnly from, DateOnly to) => Memberships.Any(m => m.Overlaps(from, to));

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
        // A person who had left rejoins: their departure already ended the last membership.
        if (Memberships[^1].To is null) Memberships[^1] = Memberships[^1] with { To = e.EffectiveOn.AddDays(-1) };
        Memberships.Add(new Membership(e.ToUnitId, e.EffectiveOn, null));
        UnitId = e.ToUnitId;
    }

    public void Apply(PersonLeft e) => Memberships[^1] = Memberships[^1] with { To = e.LastDay };
}
