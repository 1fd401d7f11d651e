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
    public static Task<IResult> Record(RecordEntry command, IDocumentSession session, SingleEntries entries, HttpContext http) =>
        // Through the group commit: entries sent together share a transaction, a seal and a flush (ADR 0120).
        entries.RecordAsync(command, session, http);

    [WolverineGet("/api/entries/{id}", OperationId = "getEntry")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, ReadAudit audit, HttpContext http)
    {
        var entry = await session.LoadAsync<Entry>(id);
        if (entry is null) return Problems.NotFound("entry", id);
        // An entry carries its evidence: who read it is recorded like a read of the evidence trail.
        await audit.RecordAsync(http, ReadKind.Entry, entry.UnitId, entry.PersonId, http.RequestAborted);
        return Results.Ok(EntryView.Of(entry));
    }
}
