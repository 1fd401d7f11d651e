using Hotline.Ledger.Commendations.Applications;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Commendations.Review;

/// <summary>
/// A unit that applied for commendation, or an individual a unit nominated, beside their row of the
/// approved result and the plan's eligibility verdict. What the office reviews (S3).
/// </summary>
public sealed record Candidate(
    string Kind,
    Guid SubjectId,
    Guid UnitId,
    string Name,
    string UnitCode,
    string UnitName,
    int? Rank,
    decimal? Total,
    string? Grade,
    decimal? DeductionTotal,
    bool Eligible,
    IReadOnlyList<string> Reasons,
    bool Shortlisted,
    string? Deeds);

public sealed record CandidateList(Guid PlanId, int Year, int UnitQuota, int PersonQuota, IReadOnlyList<Candidate> Units, IReadOnlyList<Candidate> People);

public static class Candidates
{
    public const string UnitKind = "unit";
    public const string PersonKind = "person";

    public static CandidateList Of(CommendationPlan plan, ScoreSheet sheet, IEnumerable<Application> applications)
    {
        var unitRows = sheet.Units.ToDictionary(u => u.UnitId);
        var personRows = sheet.People.ToDictionary(p => p.PersonId);
        var shortlisted = (plan.Shortlist?.Units ?? []).Concat(plan.Shortlist?.People ?? []).Select(p => p.SubjectId).ToHashSet();
        var list = applications.ToList();

        var units = list.Where(a => a.SeeksUnitCommendation).Select(a =>
        {
            var row = unitRows.GetValueOrDefault(a.UnitId);
            var reasons = row is null
                ? [ProblemText.Of("eligibility.notInResult")]
                : Eligibility.Reasons(plan.Rules.Units, plan.Year, row.Total, row.Grade, row.Deductions);
            return new Candidate(UnitKind, a.UnitId, a.UnitId, a.UnitName, a.UnitCode, a.UnitName, row?.Rank, row?.Total, row?.Grade,
                row?.DeductionTotal, reasons.Count == 0, reasons, shortlisted.Contains(a.UnitId), null);
        });

        var people = list.SelectMany(a => a.Nominations.Select(n =>
        {
            var row = personRows.GetValueOrDefault(n.PersonId);
            var reasons = row is null
                ? [ProblemText.Of("eligibility.notInResult")]
                : Eligibility.Reasons(plan.Rules.People, plan.Year, row.Total, row.Grade, row.Deductions);
            return new Candidate(PersonKind, n.PersonId, a.UnitId, n.Name, a.UnitCode, a.UnitName, row?.Rank, row?.Total, row?.Grade,
                row?.DeductionTotal, reasons.Count == 0, reasons, shortlisted.Contains(n.PersonId), n.Deeds);
        }));

        return new CandidateList(plan.Id, plan.Year, plan.Terms.UnitQuota, plan.Terms.PersonQuota,
            units.OrderBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.UnitCode, StringComparer.Ordinal).ToList(),
            people.OrderBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.Name, StringComparer.Ordinal).ToList());
    }
}
