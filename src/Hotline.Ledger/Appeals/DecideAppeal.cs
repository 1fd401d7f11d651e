namespace Hotline.Ledger.Appeals;

/// <summary>
/// The office's decision: <c>upheld</c> or <c>rejected</c>, with its reason. An upheld appeal may give
/// <see cref="CorrectedPoints"/> (a magnitude, as on an entry): the entry is then re-recorded with them,
/// or a contested marked criterion re-marked.
/// </summary>
public sealed record DecideAppeal(string Outcome, string Reason, decimal? CorrectedPoints);

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
