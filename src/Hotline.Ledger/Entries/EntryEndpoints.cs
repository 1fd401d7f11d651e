using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using Hotline.Ledger.Time;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Entries;

public static class EntryEndpoints
{
    [WolverinePost("/api/entries", OperationId = "recordEntry")]
    public static async Task<IResult> Record(
        RecordEntry command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        // The person and the unit in one round trip (ADR 0043).
        var batch = session.CreateBatchQuery();
        var personLoad = command.PersonId is { } personId ? batch.Load<Person>(personId) : Task.FromResult<Person?>(null);
        var unitLoad = batch.Load<Unit>(command.UnitId);
        await batch.Execute();
        var person = await personLoad;

        var rulebook = rulebooks.InForceOn(command.OccurredOn);
        if (EntryRules.Check(command, rulebook, OfficeCalendar.Today(clock), person, out var clause) is { } fault)
            return Problems.Invalid(fault.Field, fault.Code, fault.Args);
        if (await unitLoad is null)
            return Problems.Invalid("unitId", "entry.unitId.unknown", command.UnitId);

        if (await EntryBook.FindOncePerYearConflict(session, clause!, command.UnitId, command.PersonId, command.OccurredOn.Year) is { } conflict)
            return Problems.RefuseWith("entry.clause.oncePerYear", "entry.clause.oncePerYear.title", conflict, "clause");

        var id = Guid.CreateVersion7();
        var magnitude = command.Points ?? clause!.Points!.Value;
        var stream = EntryBook.Record(session, clause!, new EntryRecorded(
            id, rulebook!.Id, clause!.Code, command.UnitId, clause.Credits(SubjectKind.Person) ? command.PersonId : null,
            command.OccurredOn, clause.Signed(magnitude), command.Reason.Trim(), command.Evidence ?? [],
            command.CaseNumber, RequestActor.Of(http)));
        await session.SaveChangesAsync();

        // The answer is the row the inline projection just stored, built by the same code from the same
        // stamped event, rather than read back (ADR 0043).
        return Results.Created($"/api/entries/{id}", EntryView.Of(Entry.Create((IEvent<EntryRecorded>)stream.Events[0])));
    }

    [WolverineGet("/api/entries/{id}", OperationId = "getEntry")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, ReadAudit audit, HttpContext http)
    {
        var entry = await session.LoadAsync<Entry>(id);
        if (entry is null) return Problems.NotFound("entry", id);
        // An entry carries its evidence: who read it is recorded like a read of the evidence trail.
        await audit.RecordAsync(http, ReadKind.Entry, entry.UnitId, entry.PersonId, http.RequestAborted);
        return Results.Ok(EntryView.Of(entry));
    }

    [WolverinePost("/api/entries/{id}/rescind", OperationId = "rescindEntry")]
    public static async Task<IResult> Rescind(
        Guid id, RescindEntry command, IDocumentSession session, RulebookCatalog rulebooks, HttpContext http)
    {
        // The version read here is checked on commit: of two racing rescissions, one gets a 409.
        var stream = await session.Events.FetchForWriting<Entry>(id);
        if (stream.Aggregate is not { } entry) return Problems.NotFound("entry", id);
        if (entry.Rescission is { } done)
            return Problems.Refuse("entry.rescinded", null, id, done.RescindedAt, done.RescindedBy);

        EntryBook.Rescind(session, stream, rulebooks.Get(entry.Rulebook)?.Find(entry.Clause),
            new EntryRescinded(id, command.Reason.Trim(), RequestActor.Of(http)));
        await session.SaveChangesAsync();

        var rescinded = await session.LoadAsync<Entry>(id);
        return Results.Ok(EntryView.Of(rescinded!));
    }
}
