using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Commendations.Plans;

/// <summary>Turns a request into the plan's terms and rules, and checks the terms against the result and the calendar.</summary>
public static class PlanDrafting
{
    /// <summary>
    /// A nominee must be on the unit's staff on the last day of the evaluated year (ADR 0050): the day the
    /// approved result places every individual in a unit.
    /// </summary>
    public static DateOnly StaffOnFor(int year) => OfficeCalendar.LastDayOf(year);

    public static PlanTerms Terms(IPlanTermsRequest r, int year, Rulebook rulebook) => new(
        r.Scope.Trim(), r.UnitQuota, r.PersonQuota, r.OpensOn, r.ClosesOn,
        r.NominationsPerUnit ?? rulebook.Commendation?.NominationsPerUnitOrDefault() ?? CommendationRules.DefaultNominationsPerUnit,
        StaffOnFor(year));

    /// <summary>The rulebook's eligibility, frozen into the plan so that its review never changes under it.</summary>
    public static PlanRules Rules(Rulebook rulebook) => new(
        Rule(rulebook, rulebook.Commendation?.Units),
        Rule(rulebook, rulebook.Commendation?.People));

    private static EligibilityRule Rule(Rulebook rulebook, EligibilityRules? rules) => rules is null
        ? EligibilityRule.None
        : new(rules.MinTotal, rules.MinGrade, rules.MinGrade is { } g ? rulebook.GradesReaching(g) : [], rules.BarredBy ?? []);

    /// <summary>What the validator cannot know: the year, today, and how many units and people the result ranks.</summary>
    public static FieldRefusal? Fault(PlanTerms terms, int year, ScoreSheet sheet, DateOnly today)
    {
        var yearEnd = OfficeCalendar.LastDayOf(year);
        if (terms.OpensOn <= yearEnd)
            return new("opensOn", "plan.opensOn.beforeYearEnd", year, yearEnd.AddDays(1));
        if (terms.ClosesOn < today)
            return new("closesOn", "plan.closesOn.past", terms.ClosesOn, today);
        if (terms.UnitQuota > sheet.Units.Count)
            return new("unitQuota", "plan.unitQuota.exceeds", year, sheet.Units.Count, terms.UnitQuota);
        if (terms.PersonQuota > sheet.People.Count)
            return new("personQuota", "plan.personQuota.exceeds", year, sheet.People.Count, terms.PersonQuota);
        return null;
    }
}
