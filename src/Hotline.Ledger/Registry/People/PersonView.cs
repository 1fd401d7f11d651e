namespace Hotline.Ledger.Registry.People;

public sealed record PersonView(Guid Id, string Name, Guid UnitId, IReadOnlyList<Membership> Memberships) : IViewOf<Person, PersonView>
{
    static PersonView IViewOf<Person, PersonView>.Of(Person person, IServiceProvider services) => Of(person);

    public static PersonView Of(Person p) => new(p.Id, p.Name, p.UnitId, p.Memberships);
}
