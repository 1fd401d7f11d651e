using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Commendations.Plans;

public sealed record ApplicationWindow(DateOnly OpensOn, DateOnly ClosesOn);

/// <summary>The plan with its terms, the rules its review applies, the shortlist, the issue, and every step taken.</summary>
public sealed record PlanView(
    Guid Id,
    int Year,
    ApprovalStatus Status,
    Guid EvaluationId,
    string EvaluationSha256,
    string Rulebook,
    string Scope,
    int UnitQuota,
    int PersonQuota,
    ApplicationWindow ApplicationWindow,
    int NominationsPerUnit,
    DateOnly StaffOn,
    PlanRules Eligibility,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    Shortlist? Shortlist,
    Issue? Commendations,
    IReadOnlyList<ApprovalStep> Steps)
{
    public static PlanView Of(CommendationPlan p) => new(
        p.Id, p.Year, p.Status, p.EvaluationId, p.SheetSha256, p.Rulebook, p.Terms.Scope, p.Terms.UnitQuota, p.Terms.PersonQuota,
        new ApplicationWindow(p.Terms.OpensOn, p.Terms.ClosesOn), p.Terms.NominationsPerUnit, p.Terms.StaffOn, p.Rules,
        p.ApprovedAt, p.ApprovedBy, p.Shortlist, p.Issue, p.Steps);

    /// <summary>The plan as saved, each step with the instant the store recorded it.</summary>
    public static async Task<PlanView> ReadBackAsync(Written<PlanView> written, IDocumentSession session) =>
        Of((await session.LoadAsync<CommendationPlan>(written.Id))!);
}
