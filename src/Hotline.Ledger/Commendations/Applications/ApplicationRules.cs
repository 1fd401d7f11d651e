using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;

namespace Hotline.Ledger.Commendations.Applications;

/// <summary>What an application may ask under a plan, as a pure rule over what was looked up.</summary>
public static class ApplicationRules
{
    public static Rejection? Refusal(SubmitApplication command, CommendationPlan plan, Unit unit, ScoreSheet sheet,
        IReadOnlyDictionary<Guid, Person> people, IReadOnlyDictionary<Guid, string> unitCodes)
    {
        if (sheet.Units.All(u => u.UnitId != unit.Id)) return Rejection.Invalid("unitId", "application.unitId.notInResult", unit.Code, plan.Year);
        var nominations = command.Nominations ?? [];
        var seeks = Seeks(command, plan);
        if (!seeks && nominations.Count == 0) return Rejection.Invalid("nominations", "application.nominations.nothingSought");
        if (Nominee(plan, sheet, unit, nominations, people, unitCodes) is { } nominee) return Rejection.Invalid(nominee);

        if (seeks && plan.Terms.UnitQuota == 0)
            return Rejection.Conflict("seeksUnitCommendation", "application.seeksUnitCommendation.noPlaces", plan.Year);
        if (nominations.Count > 0 && plan.Terms.PersonQuota == 0)
            return Rejection.Conflict("nominations", "application.nominations.noPlaces", plan.Year);
        if (nominations.Count > plan.Terms.NominationsPerUnit)
            return Rejection.Conflict("nominations", "application.nominations.overShare", plan.Year, plan.Terms.NominationsPerUnit, nominations.Count);
        return null;
    }

    /// <summary>Whether the unit seeks its own commendation: as asked, or whenever the plan has places for units.</summary>
    public static bool Seeks(SubmitApplication command, CommendationPlan plan) => command.SeeksUnitCommendation ?? plan.Terms.UnitQuota > 0;

    public static ApplicationSubmitted Submitted(Guid applicationId, SubmitApplication command, CommendationPlan plan, Unit unit,
        IReadOnlyDictionary<Guid, Person> people, string actor) =>
        new(applicationId, plan.Id, plan.Year, unit.Id, unit.Code, unit.Name, command.SelfEvaluation.Trim(), Seeks(command, plan), command.Evidence ?? [],
            (command.Nominations ?? []).Select(n => new Nomination(n.PersonId, people[n.PersonId].Name, n.Deeds.Trim(), n.Evidence ?? [])).ToList(), actor);

    /// <summary>Each nominee must exist, be on the unit's staff on the plan's staff date, and be in the approved result.</summary>
    private static FieldRefusal? Nominee(CommendationPlan plan, ScoreSheet sheet, Unit unit, IReadOnlyList<NominationRequest> nominations,
        IReadOnlyDictionary<Guid, Person> people, IReadOnlyDictionary<Guid, string> unitCodes)
    {
        var staffOn = plan.Terms.StaffOn;
        var ranked = sheet.People.Select(p => p.PersonId).ToHashSet();
        for (var i = 0; i < nominations.Count; i++)
        {
            var n = nominations[i];
            var field = $"nominations[{i}].personId";
            if (!people.TryGetValue(n.PersonId, out var person)) return new(field, "application.personId.unknown", n.PersonId);

            var unitThen = person.UnitOn(staffOn);
            if (unitThen != unit.Id)
            {
                return unitThen is { } other
                    ? new(field, "application.personId.otherUnit", person.Name, unit.Code, staffOn, unitCodes.GetValueOrDefault(other) ?? other.ToString())
                    : new(field, "application.personId.noUnit", person.Name, unit.Code, staffOn);
            }

            if (!ranked.Contains(person.Id)) return new(field, "application.personId.notInResult", person.Name, plan.Year);
        }

        return null;
    }
}
