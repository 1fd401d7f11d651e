namespace Hotline.Ledger.Commendations.Plans;

public sealed class DraftCommendationPlanValidator : PlanTermsValidator<DraftCommendationPlan>
{
    public DraftCommendationPlanValidator() =>
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("year.format");
}
