using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Entries;

/// <summary>
/// The rules an entry must meet before it is appended (API.md, "Rules of POST /api/entries").
/// Pure: the caller loads the rulebook, the person and the clock; this only judges.
/// </summary>
public static class EntryRules
{
    /// <summary>A broken rule: the field, its code in the message catalogue and the arguments of its wording.</summary>
    public sealed record Fault(string Field, string Code, params object?[] Args)
    {
        public string Rule => ProblemText.Of(Code, Args);
    }

    public static Fault? Check(RecordEntry entry, Rulebook? rulebook, DateOnly today, Person? person, out Clause? clause)
    {
        clause = null;
        if (entry.OccurredOn > today)
            return new("occurredOn", "entry.occurredOn.future", today);
        if (rulebook is null)
            return new("occurredOn", "entry.occurredOn.noRulebook", entry.OccurredOn);

        clause = rulebook.Find(entry.Clause);
        if (clause is null)
            return new("clause", "entry.clause.unknown", entry.Clause, rulebook.Id);
        if (clause.Kind == ClauseKind.Criterion)
            return new("clause", "entry.clause.criterion", clause.Code);

        if (clause.IsRange)
        {
            if (entry.Points is null)
                return new("points", "entry.points.required", clause.Code, clause.MinPoints, clause.MaxPoints);
            if (entry.Points < clause.MinPoints || entry.Points > clause.MaxPoints)
                return new("points", "entry.points.outOfRange", clause.Code, clause.MinPoints, clause.MaxPoints, entry.Points);
        }
        else if (entry.Points is not null && entry.Points != clause.Points)
        {
            return new("points", "entry.points.fixed", clause.Code, clause.Points);
        }

        if (entry.PersonId is null && clause.AppliesTo == AppliesTo.Person)
            return new("personId", "entry.personId.required", clause.Code);

        if (entry.PersonId is { } personId)
        {
            if (!clause.Credits(SubjectKind.Person))
                return new("personId", "entry.personId.unitOnly", clause.Code);
            if (person is null)
                return new("personId", "entry.personId.unknown", personId);
            var unitThen = person.UnitOn(entry.OccurredOn);
            if (unitThen != entry.UnitId)
                return new("personId", unitThen is null ? "entry.personId.noUnit" : "entry.personId.otherUnit", entry.OccurredOn);
        }

        return null;
    }

    /// <summary>The subjects an entry credits or debits, each exactly once.</summary>
    public static IEnumerable<(SubjectKind Kind, Guid Id)> Subjects(Clause clause, Guid unitId, Guid? personId)
    {
        if (clause.Credits(SubjectKind.Unit)) yield return (SubjectKind.Unit, unitId);
        if (personId is { } p && clause.Credits(SubjectKind.Person)) yield return (SubjectKind.Person, p);
    }
}
