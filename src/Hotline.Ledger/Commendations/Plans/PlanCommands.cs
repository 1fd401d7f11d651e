using FluentValidation;

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
        RuleFor(x => x.Scope).NotEmpty().MaximumLength(2000).WithMessage("'scope' says whom the plan commends (1–2000 characters).");
        RuleFor(x => x.UnitQuota).InclusiveBetween(0, 1000).WithMessage("'unitQuota' is the number of advanced-unit places, 0 to 1000.");
        RuleFor(x => x.PersonQuota).InclusiveBetween(0, 10000).WithMessage("'personQuota' is the number of advanced-individual places, 0 to 10000.");
        RuleFor(x => x.UnitQuota).Must((x, units) => units + x.PersonQuota > 0)
            .WithMessage("A plan commends someone: give 'unitQuota' or 'personQuota' at least one place.");
        RuleFor(x => x.OpensOn).NotEmpty().WithMessage("'opensOn' is required (YYYY-MM-DD).");
        RuleFor(x => x.ClosesOn).NotEmpty().WithMessage("'closesOn' is required (YYYY-MM-DD).");
        RuleFor(x => x.ClosesOn).Must((x, closes) => closes >= x.OpensOn).WithMessage("'closesOn' may not come before 'opensOn'.");
        RuleFor(x => x.NominationsPerUnit).InclusiveBetween(1, 50).When(x => x.NominationsPerUnit is not null)
            .WithMessage("'nominationsPerUnit' is each unit's share of nominations, 1 to 50.");
    }
}

public sealed class DraftCommendationPlanValidator : PlanTermsValidator<DraftCommendationPlan>
{
    public DraftCommendationPlanValidator() =>
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("'year' must be a year such as 2020.");
}

public sealed class RevisePlanValidator : PlanTermsValidator<RevisePlan>;

public sealed class ReturnPlanValidator : AbstractValidator<ReturnPlan>
{
    public ReturnPlanValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithMessage("'comments' say what the office must change.");
}
