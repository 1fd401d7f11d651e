namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed class ReturnEvaluationValidator : AbstractValidator<ReturnEvaluation>
{
    public ReturnEvaluationValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithErrorCode("approval.comments.length");
}
