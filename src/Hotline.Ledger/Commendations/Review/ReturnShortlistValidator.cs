namespace Hotline.Ledger.Commendations.Review;

public sealed class ReturnShortlistValidator : AbstractValidator<ReturnShortlist>
{
    public ReturnShortlistValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithErrorCode("approval.comments.length");
}
