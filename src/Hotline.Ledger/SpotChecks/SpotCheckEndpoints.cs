using System.Globalization;
using Hotline.Ledger.Http;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.SpotChecks;

public static class SpotCheckEndpoints
{
    [WolverinePost("/api/spot-checks", OperationId = "recordSpotCheck")]
    public static async Task<IResult> Record(RecordSpotCheck command, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var today = OfficeCalendar.Today(clock);
        if (command.CheckedOn > today) return Problems.Invalid("checkedOn", "spotCheck.checkedOn.future", today);
        if (await session.LoadAsync<Unit>(command.UnitId) is null) return Problems.Invalid("unitId", "spotCheck.unitId.unknown", command.UnitId);

        var entryIds = (command.EntryIds ?? []).Distinct().ToList();
        if (await ForeignEntry(session, command.UnitId, entryIds) is { } bad)
            return Problems.Invalid("entryIds", bad.Code, bad.Args);

        var id = Guid.CreateVersion7();
        session.Events.StartStream<SpotCheck>(id, new SpotCheckRecorded(id, command.UnitId, command.CheckedOn, command.Scope.Trim(),
            command.Findings.Trim(), entryIds, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Created($"/api/spot-checks/{id}", await session.LoadAsync<SpotCheck>(id));
    }

    [WolverinePost("/api/spot-checks/{id}/entries", OperationId = "linkSpotCheckEntry")]
    public static async Task<IResult> Link(Guid id, LinkSpotCheckEntry command, IDocumentSession session, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<SpotCheck>(id);
        if (stream.Aggregate is not { } check) return Problems.NotFound("spot check", id);
        if (check.EntryIds.Contains(command.EntryId))
            return Problems.Refuse("spotCheck.entry.linked", "entryId", command.EntryId);
        if (await ForeignEntry(session, check.UnitId, [command.EntryId]) is { } bad) return Problems.Invalid("entryId", bad.Code, bad.Args);

        stream.AppendOne(new SpotCheckEntryLinked(id, command.EntryId, RequestActor.Of(http)));
        await session.SaveChangesAsync();
        return Results.Ok(await session.LoadAsync<SpotCheck>(id));
    }

    [WolverineGet("/api/spot-checks/{id}", OperationId = "getSpotCheck")]
    public static async Task<IResult> Get(Guid id, IQuerySession session) =>
        await session.LoadAsync<SpotCheck>(id) is { } check ? Results.Ok(check) : Problems.NotFound("spot check", id);

    [WolverineGet("/api/spot-checks", OperationId = "listSpotChecks")]
    public static async Task<IResult> List(IQuerySession session, Guid? unitId, string? year)
    {
        var query = session.Query<SpotCheck>().AsQueryable();
        if (unitId is { } u) query = query.Where(c => c.UnitId == u);
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return Problems.Invalid("year", "year.format");
            query = query.Where(c => c.Year == y);
        }

        return Results.Ok(await query.OrderBy(c => c.CheckedOn).ToListAsync());
    }

    /// <summary>A spot check may link only entries about the unit it checked.</summary>
    private static async Task<(string Code, object?[] Args)?> ForeignEntry(IQuerySession session, Guid unitId, IReadOnlyCollection<Guid> entryIds)
    {
        if (entryIds.Count == 0) return null;
        var found = await session.LoadManyAsync<Entry>(entryIds);
        var missing = entryIds.Except(found.Select(e => e.Id)).FirstOrDefault();
        if (missing != Guid.Empty) return ("spotCheck.entry.unknown", [missing]);
        var foreign = found.FirstOrDefault(e => e.UnitId != unitId);
        return foreign is null ? null : ("spotCheck.entry.otherUnit", [foreign.Id]);
    }
}
