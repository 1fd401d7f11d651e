namespace Hotline.Ledger.Evaluation.Circulars;

public sealed class IssueCircularValidator : AbstractValidator<IssueCircular>
{
    public IssueCircularValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("year.format");
        RuleFor(x => x.AsOf).Must((c, asOf) => AssessmentYear.AsOfOutside(c.Year, asOf!.Value) is null).When(x => x.AsOf is not null)
            .WithErrorCode(AssessmentYear.Code).WithState(c => new object?[] { c.AsOf, c.Year });
    }
}
