using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Registry.People;

public sealed record PersonView(Guid Id, string Name, Guid UnitId, IReadOnlyList<Membership> Memberships)
{
    public static PersonView Of(Person p) => new(p.Id, p.Name, p.UnitId, p.Memberships);
}

public static class PersonEndpoints
{
    [WolverinePost("/api/people", OperationId = "registerPerson")]
    public static async Task<IResult> Register(RegisterPerson command, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var today = OfficeCalendar.Today(clock);
        var effectiveOn = command.EffectiveOn ?? today;
        if (effectiveOn > today) return Problems.Field("effectiveOn", $"'effectiveOn' may not lie in the future (today is {today:yyyy-MM-dd}).");
        if (await session.LoadAsync<Unit>(command.UnitId) is null) return Problems.Field("unitId", $"There is no unit with id '{command.UnitId}'.");

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Person>(id, new PersonRegistered(id, command.Name.Trim(), command.UnitId, effectiveOn, RequestActor.Of(http)));
        await session.SaveChangesAsync();

        var person = await session.LoadAsync<Person>(id);
        return Results.Created($"/api/people/{id}", PersonView.Of(person!));
    }

    [WolverinePost("/api/people/{id}/transfers", OperationId = "transferPerson")]
    public static async Task<IResult> Transfer(Guid id, TransferPerson command, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        // FetchForWriting holds the version read: a racing transfer fails on commit with a 409.
        var stream = await session.Events.FetchForWriting<Person>(id);
        if (stream.Aggregate is not { } person) return Problems.NotFound("person", id);

        var today = OfficeCalendar.Today(clock);
        if (command.EffectiveOn > today) return Problems.Field("effectiveOn", $"'effectiveOn' may not lie in the future (today is {today:yyyy-MM-dd}).");
        var current = person.Current;
        if (command.EffectiveOn <= current.From)
            return Problems.Field("effectiveOn", $"'effectiveOn' must come after the person joined their current unit on {current.From:yyyy-MM-dd}.");
        if (command.ToUnitId == current.UnitId) return Problems.Field("toUnitId", "The person already belongs to this unit.");
        if (await session.LoadAsync<Unit>(command.ToUnitId) is null) return Problems.Field("toUnitId", $"There is no unit with id '{command.ToUnitId}'.");

        stream.AppendOne(new PersonTransferred(id, current.UnitId, command.ToUnitId, command.EffectiveOn, RequestActor.Of(http)));
        await session.SaveChangesAsync();

        var updated = await session.LoadAsync<Person>(id);
        return Results.Ok(PersonView.Of(updated!));
    }

    [WolverineGet("/api/people", OperationId = "listPeople")]
    public static async Task<IReadOnlyList<PersonView>> List(IQuerySession session, Guid? unitId, HttpContext http)
    {
        var query = session.Query<Person>().AsQueryable();
        if (unitId is { } unit) query = query.Where(p => p.UnitId == unit);
        var people = await query.OrderBy(p => p.Name).ToListAsync();
        // A liaison is listed the people with a membership in their unit only.
        var scope = await LiaisonScope.Of(http, session);
        return people.Where(scope.Sees).Select(PersonView.Of).ToList();
    }

    [WolverineGet("/api/people/{id}", OperationId = "getPerson")]
    public static async Task<IResult> Get(Guid id, IQuerySession session)
    {
        var person = await session.LoadAsync<Person>(id);
        return person is null ? Problems.NotFound("person", id) : Results.Ok(PersonView.Of(person));
    }
}
