namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed class DraftEvaluationValidator : AbstractValidator<DraftEvaluation>
{
    public DraftEvaluationValidator() =>
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("year.format");
}
