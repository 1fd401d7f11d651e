using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Ledger.Entries;

/// <summary>
/// The rules an entry must meet before it is appended (API.md, "Rules of POST /api/entries").
/// Pure: the caller loads the rulebook, the person and the clock; this only judges.
/// </summary>
public static class EntryRules
{
    public sealed record Fault(string Field, string Rule);

    public static Fault? Check(RecordEntry entry, Rulebook? rulebook, DateOnly today, Person? person, out Clause? clause)
    {
        clause = null;
        if (entry.OccurredOn > today)
            return new("occurredOn", $"'occurredOn' may not lie in the future (today is {today:yyyy-MM-dd}).");
        if (rulebook is null)
            return new("occurredOn", $"No rulebook is in force on {entry.OccurredOn:yyyy-MM-dd}.");

        clause = rulebook.Find(entry.Clause);
        if (clause is null)
            return new("clause", $"'{entry.Clause}' is not a clause of rulebook {rulebook.Id}.");
        if (clause.Kind == ClauseKind.Criterion)
            return new("clause", $"'{clause.Code}' is a criterion, not a bonus or deduction: criteria are marked with POST /api/marks.");

        if (clause.IsRange)
        {
            if (entry.Points is null)
                return new("points", $"'{clause.Code}' gives {clause.MinPoints}–{clause.MaxPoints} points: say how many.");
            if (entry.Points < clause.MinPoints || entry.Points > clause.MaxPoints)
                return new("points", $"'{clause.Code}' gives {clause.MinPoints}–{clause.MaxPoints} points, not {entry.Points}.");
        }
        else if (entry.Points is not null && entry.Points != clause.Points)
        {
            return new("points", $"'{clause.Code}' gives exactly {clause.Points} points; omit 'points' or send {clause.Points}.");
        }

        if (entry.PersonId is null && clause.AppliesTo == AppliesTo.Person)
            return new("personId", $"'{clause.Code}' applies to people: name the person.");

        if (entry.PersonId is { } personId)
        {
            if (!clause.Credits(SubjectKind.Person))
                return new("personId", $"'{clause.Code}' applies to the unit only; leave 'personId' out.");
            if (person is null)
                return new("personId", $"There is no person with id '{personId}'.");
            var unitThen = person.UnitOn(entry.OccurredOn);
            if (unitThen != entry.UnitId)
                return new("personId", unitThen is null
                    ? $"The person did not belong to any unit on {entry.OccurredOn:yyyy-MM-dd}."
                    : $"The person did not belong to this unit on {entry.OccurredOn:yyyy-MM-dd}.");
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
