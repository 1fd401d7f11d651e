namespace Hotline.Ledger.Commendations.Plans;

public sealed class ReturnPlanValidator : AbstractValidator<ReturnPlan>
{
    public ReturnPlanValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithErrorCode("approval.comments.length");
}
