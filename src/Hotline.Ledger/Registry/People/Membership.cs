namespace Hotline.Ledger.Registry.People;

/// <summary>A spell in one unit; <see cref="To"/> is the last day, inclusive, or null while it lasts.</summary>
public sealed record Membership(Guid UnitId, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date <= To);

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && (To is null || To >= from);
}
