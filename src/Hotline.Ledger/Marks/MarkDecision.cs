using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Marks;

/// <summary>Whether a mark may be given, and the event that gives it: pure, the subject is loaded by the caller.</summary>
public static class MarkDecision
{
    public static (MarkRecorded? Recorded, Rejection? Refusal) Decide(
        Guid id, RecordMark command, RulebookCatalog rulebooks, DateOnly today, Unit? unit, Person? person, string actor)
    {
        if (command.Year > today.Year) return Refused("year", "mark.year.notBegun", command.Year);

        // A mark is given on a day of the office's calendar; within its year, under the rulebook of that day.
        var markedOn = today.Year == command.Year ? today : OfficeCalendar.LastDayOf(command.Year);
        var rulebook = rulebooks.ForScoring(command.Year, markedOn);
        if (rulebook is null) return Refused("year", "mark.year.noRulebook", command.Year);

        var clause = rulebook.Find(command.Clause);
        if (clause is null) return Refused("clause", "mark.clause.unknown", command.Clause, rulebook.Id);
        if (clause.Kind != ClauseKind.Criterion)
            return Refused("clause", clause.Kind == ClauseKind.Bonus ? "mark.clause.bonus" : "mark.clause.deduction", clause.Code);
        if (clause.IsComputed)
            return Refused("clause", clause.ComputedFrom == ScoringInputs.FromCases ? "mark.clause.computedFromCases" : "mark.clause.computedFromLedger", clause.Code);
        if (rulebook.HasChildren(clause.Code))
            return Refused("clause", "mark.clause.heading", clause.Code, string.Join(", ", rulebook.Clauses.Where(c => c.Parent == clause.Code).Select(c => c.Code)));

        var subject = command.UnitId is not null ? SubjectKind.Unit : SubjectKind.Person;
        var subjectId = command.UnitId ?? command.PersonId!.Value;
        if (!clause.Credits(subject))
            return subject == SubjectKind.Unit
                ? Refused("unitId", "mark.unitId.personCriterion", clause.Code)
                : Refused("personId", "mark.personId.unitCriterion", clause.Code);
        if (command.Points > clause.MaxMagnitude) return Refused("points", "mark.points.outOfRange", clause.Code, clause.MaxMagnitude);

        if (subject == SubjectKind.Unit && unit is null) return Refused("unitId", "mark.unitId.unknown", subjectId);
        if (subject == SubjectKind.Person)
        {
            if (person is null) return Refused("personId", "mark.personId.unknown", subjectId);
            // A person is scored only for the days they belonged to a unit (ADR 0065): a year without any has nothing to mark.
            if (!person.BelongedBetween(OfficeCalendar.FirstDayOf(command.Year), OfficeCalendar.LastDayOf(command.Year)))
                return Refused("personId", "mark.personId.notAMember", command.Year);
        }

        return (new MarkRecorded(id, rulebook.Id, command.Year, clause.Code, subject, subjectId, command.Points, command.Reason.Trim(), actor, markedOn), null);
    }

    private static (MarkRecorded?, Rejection?) Refused(string field, string code, params object?[] args) => (null, Rejection.Invalid(field, code, args));
}
