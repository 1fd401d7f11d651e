namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed class RemarkUnitValidator : AbstractValidator<RemarkUnit>
{
    public RemarkUnitValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
    }
}
