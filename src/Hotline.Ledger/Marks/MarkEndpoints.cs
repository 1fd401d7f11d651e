using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Marks;

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
        if (command.Year > today.Year) return Problems.Invalid("year", "mark.year.notBegun", command.Year);

        // A mark is given on a day of the office's calendar; within its year, under the rulebook of that day.
        var markedOn = today.Year == command.Year ? today : OfficeCalendar.LastDayOf(command.Year);
        var rulebook = rulebooks.ForScoring(command.Year, markedOn);
        if (rulebook is null) return Problems.Invalid("year", "mark.year.noRulebook", command.Year);

        var clause = rulebook.Find(command.Clause);
        if (clause is null) return Problems.Invalid("clause", "mark.clause.unknown", command.Clause, rulebook.Id);
        if (clause.Kind != ClauseKind.Criterion)
            return Problems.Invalid("clause", clause.Kind == ClauseKind.Bonus ? "mark.clause.bonus" : "mark.clause.deduction", clause.Code);
        if (clause.IsComputed)
            return Problems.Invalid("clause", clause.ComputedFrom == ScoringInputs.FromCases ? "mark.clause.computedFromCases" : "mark.clause.computedFromLedger", clause.Code);
        if (rulebook.HasChildren(clause.Code))
            return Problems.Invalid("clause", "mark.clause.heading", clause.Code, string.Join(", ", rulebook.Clauses.Where(c => c.Parent == clause.Code).Select(c => c.Code)));

        var subject = command.UnitId is not null ? SubjectKind.Unit : SubjectKind.Person;
        var subjectId = command.UnitId ?? command.PersonId!.Value;
        if (!clause.Credits(subject))
            return subject == SubjectKind.Unit
                ? Problems.Invalid("unitId", "mark.unitId.personCriterion", clause.Code)
                : Problems.Invalid("personId", "mark.personId.unitCriterion", clause.Code);
        if (command.Points > clause.MaxMagnitude)
            return Problems.Invalid("points", "mark.points.outOfRange", clause.Code, clause.MaxMagnitude);

        if (subject == SubjectKind.Unit)
        {
            if (await session.LoadAsync<Unit>(subjectId) is null) return Problems.Invalid("unitId", "mark.unitId.unknown", subjectId);
        }
        else
        {
            if (await session.LoadAsync<Person>(subjectId) is not { } person) return Problems.Invalid("personId", "mark.personId.unknown", subjectId);
            // A person is scored only for the days they belonged to a unit (ADR 0065): a year without any has nothing to mark.
            if (!person.BelongedBetween(OfficeCalendar.FirstDayOf(command.Year), OfficeCalendar.LastDayOf(command.Year)))
                return Problems.Invalid("personId", "mark.personId.notAMember", command.Year);
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
