namespace Hotline.Ledger.Appeals;

public sealed class DecideAppealValidator : AbstractValidator<DecideAppeal>
{
    public DecideAppealValidator()
    {
        RuleFor(x => x.Outcome).Must(o => o is Appeal.Upheld or Appeal.Rejected)
            .WithErrorCode("appeal.outcome.unknown");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.CorrectedPoints).Null().When(x => x.Outcome == Appeal.Rejected)
            .WithErrorCode("appeal.correctedPoints.notAllowed");
        RuleFor(x => x.CorrectedPoints).GreaterThanOrEqualTo(0).LessThanOrEqualTo(100)
            .PrecisionScale(5, 2, ignoreTrailingZeros: true)
            .When(x => x.CorrectedPoints is not null)
            .WithErrorCode("appeal.correctedPoints.magnitude");
    }
}
