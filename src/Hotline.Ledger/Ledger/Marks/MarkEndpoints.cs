using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Ledger.Marks;

public sealed record MarkView(
    Guid Id, int Year, string Clause, Guid? UnitId, Guid? PersonId, decimal Points, string Reason,
    string Scorer, DateOnly MarkedOn, DateTimeOffset RecordedAt, string Rulebook)
{
    public static MarkView Of(Mark m) => new(
        m.Id, m.Year, m.Clause,
        m.SubjectKind == SubjectKind.Unit ? m.SubjectId : null,
        m.SubjectKind == SubjectKind.Person ? m.SubjectId : null,
        m.Points, m.Reason, m.Scorer, m.MarkedOn, m.RecordedAt, m.Rulebook);
}

public static class MarkEndpoints
{
    [WolverinePost("/api/marks", OperationId = "recordMark")]
    public static async Task<IResult> Record(
        RecordMark command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        var today = OfficeCalendar.Today(clock);
        if (command.Year > today.Year) return Problems.Field("year", $"The year {command.Year} has not begun.");

        // A mark is given on a day of the office's calendar; within its year, under the rulebook of that day.
        var markedOn = today.Year == command.Year ? today : OfficeCalendar.LastDayOf(command.Year);
        var rulebook = rulebooks.ForScoring(command.Year, markedOn);
        if (rulebook is null) return Problems.Field("year", $"No rulebook scores the year {command.Year}.");

        var clause = rulebook.Find(command.Clause);
        if (clause is null) return Problems.Field("clause", $"'{command.Clause}' is not a clause of rulebook {rulebook.Id}.");
        if (clause.Kind != ClauseKind.Criterion)
            return Problems.Field("clause", $"'{clause.Code}' is a {clause.Kind.ToString().ToLowerInvariant()} clause: record it with POST /api/entries.");
        if (clause.IsComputed)
            return Problems.Field("clause", clause.ComputedFrom == ScoringInputs.FromCases
                ? $"'{clause.Code}' is computed from the case feed's rates (see the subject's /rates); it cannot be marked."
                : $"'{clause.Code}' is computed from the ledger's entries; it cannot be marked.");
        if (rulebook.HasChildren(clause.Code))
            return Problems.Field("clause", $"'{clause.Code}' is a heading; mark its parts ({string.Join(", ", rulebook.Clauses.Where(c => c.Parent == clause.Code).Select(c => c.Code))}).");

        var subject = command.UnitId is not null ? SubjectKind.Unit : SubjectKind.Person;
        var subjectId = command.UnitId ?? command.PersonId!.Value;
        if (!clause.Credits(subject))
            return Problems.Field(subject == SubjectKind.Unit ? "unitId" : "personId",
                $"'{clause.Code}' is an {(clause.AppliesTo == AppliesTo.Unit ? "unit" : "individual")} criterion; it cannot mark a {subject.ToString().ToLowerInvariant()}.");
        if (command.Points > clause.MaxMagnitude)
            return Problems.Field("points", $"'{clause.Code}' is worth at most {clause.MaxMagnitude} points.");

        if (subject == SubjectKind.Unit)
        {
            if (await session.LoadAsync<Unit>(subjectId) is null) return Problems.Field("unitId", $"There is no unit with id '{subjectId}'.");
        }
        else
        {
            if (await session.LoadAsync<Person>(subjectId) is not { } person) return Problems.Field("personId", $"There is no person with id '{subjectId}'.");
            // A person is scored only for the days they belonged to a unit (ADR 0065): a year without any has nothing to mark.
            if (!person.BelongedBetween(OfficeCalendar.FirstDayOf(command.Year), OfficeCalendar.LastDayOf(command.Year)))
                return Problems.Field("personId", $"The person belonged to no unit in {command.Year}; only members of the year are marked.");
        }

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Mark>(id, new MarkRecorded(
            id, rulebook.Id, command.Year, clause.Code, subject, subjectId, command.Points, command.Reason.Trim(),
            RequestActor.Of(http), markedOn));
        await session.SaveChangesAsync();

        var mark = await session.LoadAsync<Mark>(id);
        return Results.Created($"/api/marks/{id}", MarkView.Of(mark!));
    }

    [WolverineGet("/api/marks/{id}", OperationId = "getMark")]
    public static async Task<IResult> Get(Guid id, IQuerySession session)
    {
        var mark = await session.LoadAsync<Mark>(id);
        return mark is null ? Problems.NotFound("mark", id) : Results.Ok(MarkView.Of(mark));
    }
}
