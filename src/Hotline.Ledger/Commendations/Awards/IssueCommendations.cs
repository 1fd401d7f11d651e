namespace Hotline.Ledger.Commendations.Awards;

/// <summary>The commendations of a plan whose shortlist is approved, under the issuing document's number (文号) and date.</summary>
public sealed record IssueCommendations(Guid PlanId, string DocumentNumber, DateOnly AwardedOn);

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
