using Hotline.Ledger.Commendations.Plans;

namespace Hotline.Ledger.Commendations.Review;

/// <summary>Which candidates a shortlist may name (S3), as a pure rule: candidates only, within the quotas, each eligible.</summary>
public static class ShortlistRules
{
    public static Rejection? Refusal(CommendationPlan plan, CandidateList candidates, DraftShortlist command)
    {
        var (units, unitFault) = Pick(candidates.Units, UnitPicks(command), "units", "unitId", "shortlist.units.notCandidate");
        if (unitFault is not null) return unitFault;
        var (people, personFault) = Pick(candidates.People, PersonPicks(command), "people", "personId", "shortlist.people.notCandidate");
        if (personFault is not null) return personFault;

        if (units.Count > plan.Terms.UnitQuota)
            return Rejection.Conflict("units", "shortlist.units.overQuota", plan.Year, plan.Terms.UnitQuota, units.Count);
        if (people.Count > plan.Terms.PersonQuota)
            return Rejection.Conflict("people", "shortlist.people.overQuota", plan.Year, plan.Terms.PersonQuota, people.Count);

        var ineligible = units.Select((c, i) => (c.Candidate, Field: $"units[{i}].unitId"))
            .Concat(people.Select((c, i) => (c.Candidate, Field: $"people[{i}].personId")))
            .Where(x => !x.Candidate.Eligible)
            .ToList();
        return ineligible.Count == 0 ? null : Rejection.Conflict(ineligible[0].Field, "shortlist.notEligible",
            string.Join(ProblemText.Of("list.separator"), ineligible.Select(x => $"{x.Candidate.Name} — {string.Join(ProblemText.Of("list.comma"), x.Candidate.Reasons)}")));
    }

    /// <summary>The shortlist as drafted, for a request <see cref="Refusal"/> let through.</summary>
    public static ShortlistDrafted Drafted(CommendationPlan plan, CandidateList candidates, DraftShortlist command, string actor) => new(plan.Id,
        Pick(candidates.Units, UnitPicks(command), "units", "unitId", "").Picks.Select(x => ToPick(x.Candidate, x.Reason)).ToList(),
        Pick(candidates.People, PersonPicks(command), "people", "personId", "").Picks.Select(x => ToPick(x.Candidate, x.Reason)).ToList(), actor);

    private static List<(Guid Id, string? Reason)> UnitPicks(DraftShortlist command) => (command.Units ?? []).Select(p => (p.UnitId, p.Reason)).ToList();

    private static List<(Guid Id, string? Reason)> PersonPicks(DraftShortlist command) => (command.People ?? []).Select(p => (p.PersonId, p.Reason)).ToList();

    private static (List<(Candidate Candidate, string? Reason)> Picks, Rejection? Fault) Pick(
        IReadOnlyList<Candidate> candidates, IReadOnlyList<(Guid Id, string? Reason)> picks, string list, string idField, string notCandidate)
    {
        var byId = candidates.ToDictionary(c => c.SubjectId);
        var chosen = new List<(Candidate, string?)>();
        for (var i = 0; i < picks.Count; i++)
        {
            if (!byId.TryGetValue(picks[i].Id, out var candidate))
                return ([], Rejection.Invalid($"{list}[{i}].{idField}", notCandidate, picks[i].Id));
            chosen.Add((candidate, picks[i].Reason?.Trim()));
        }

        return (chosen, null);
    }

    private static ShortlistPick ToPick(Candidate c, string? reason) =>
        new(c.Kind, c.SubjectId, c.UnitId, c.Name, c.UnitCode, c.UnitName, c.Rank ?? 0, c.Total ?? 0m, c.Grade, string.IsNullOrEmpty(reason) ? null : reason);
}
