namespace Hotline.Ledger.Commendations.Awards;

public sealed class IssueCommendationsValidator : AbstractValidator<IssueCommendations>
{
    public IssueCommendationsValidator()
    {
        RuleFor(x => x.PlanId).NotEmpty().WithErrorCode("commendation.planId.required");
        RuleFor(x => x.DocumentNumber).NotEmpty().MaximumLength(100)
            .WithErrorCode("commendation.documentNumber.required");
        RuleFor(x => x.AwardedOn).NotEmpty().WithErrorCode("commendation.awardedOn.required");
    }
}
