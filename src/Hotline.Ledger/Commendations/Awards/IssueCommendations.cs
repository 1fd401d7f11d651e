using FluentValidation;

namespace Hotline.Ledger.Commendations.Awards;

/// <summary>The commendations of a plan whose shortlist is approved, under the issuing document's number (文号) and date.</summary>
public sealed record IssueCommendations(Guid PlanId, string DocumentNumber, DateOnly AwardedOn);

public sealed class IssueCommendationsValidator : AbstractValidator<IssueCommendations>
{
    public IssueCommendationsValidator()
    {
        RuleFor(x => x.PlanId).NotEmpty().WithMessage("'planId' names the plan whose shortlist was approved.");
        RuleFor(x => x.DocumentNumber).NotEmpty().MaximumLength(100)
            .WithMessage("'documentNumber' is the number of the commending document, such as 信政办〔2021〕12号.");
        RuleFor(x => x.AwardedOn).NotEmpty().WithMessage("'awardedOn' is the date of the commending document (YYYY-MM-DD).");
    }
}
