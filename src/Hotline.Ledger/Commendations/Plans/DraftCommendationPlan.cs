namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// The office's draft of the plan for a year whose year-end result is approved. <see cref="NominationsPerUnit"/>
/// defaults to the rulebook's share (2 in the built-in one).
/// </summary>
public sealed record DraftCommendationPlan(
    int Year,
    string Scope,
    int UnitQuota,
    int PersonQuota,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int? NominationsPerUnit) : IPlanTermsRequest;

/// <summary>New terms for a plan in draft or returned; the year and the result it rests on stay.</summary>
public sealed record RevisePlan(
    string Scope,
    int UnitQuota,
    int PersonQuota,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int? NominationsPerUnit) : IPlanTermsRequest;

public sealed record ReturnPlan(string Comments);

/// <summary>The terms as a request gives them, shared by the draft and the revision.</summary>
public interface IPlanTermsRequest
{
    string Scope { get; }
    int UnitQuota { get; }
    int PersonQuota { get; }
    DateOnly OpensOn { get; }
    DateOnly ClosesOn { get; }
    int? NominationsPerUnit { get; }
}

public abstract class PlanTermsValidator<T> : AbstractValidator<T> where T : IPlanTermsRequest
{
    protected PlanTermsValidator()
    {
        RuleFor(x => x.Scope).NotEmpty().MaximumLength(2000).WithErrorCode("plan.scope.length");
        RuleFor(x => x.UnitQuota).InclusiveBetween(0, 1000).WithErrorCode("plan.unitQuota.outOfRange");
        RuleFor(x => x.PersonQuota).InclusiveBetween(0, 10000).WithErrorCode("plan.personQuota.outOfRange");
        RuleFor(x => x.UnitQuota).Must((x, units) => units + x.PersonQuota > 0)
            .WithErrorCode("plan.quota.none");
        RuleFor(x => x.OpensOn).NotEmpty().WithErrorCode("plan.opensOn.required");
        RuleFor(x => x.ClosesOn).NotEmpty().WithErrorCode("plan.closesOn.required");
        RuleFor(x => x.ClosesOn).Must((x, closes) => closes >= x.OpensOn).WithErrorCode("plan.closesOn.beforeOpensOn");
        RuleFor(x => x.NominationsPerUnit).InclusiveBetween(1, 50).When(x => x.NominationsPerUnit is not null)
            .WithErrorCode("plan.nominationsPerUnit.outOfRange");
    }
}

public sealed class DraftCommendationPlanValidator : PlanTermsValidator<DraftCommendationPlan>
{
    public DraftCommendationPlanValidator() =>
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("year.format");
}

public sealed class RevisePlanValidator : PlanTermsValidator<RevisePlan>;

public sealed class ReturnPlanValidator : AbstractValidator<ReturnPlan>
{
    public ReturnPlanValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithErrorCode("approval.comments.length");
}
