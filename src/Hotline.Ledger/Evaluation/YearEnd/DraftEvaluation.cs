namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed record DraftEvaluation(int Year);

public sealed class DraftEvaluationValidator : AbstractValidator<DraftEvaluation>
{
    public DraftEvaluationValidator() =>
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("year.format");
}

public sealed record RemarkUnit(Guid UnitId, string Text);

public sealed class RemarkUnitValidator : AbstractValidator<RemarkUnit>
{
    public RemarkUnitValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
    }
}

public sealed record ReturnEvaluation(string Comments);

public sealed class ReturnEvaluationValidator : AbstractValidator<ReturnEvaluation>
{
    public ReturnEvaluationValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithErrorCode("approval.comments.length");
}
