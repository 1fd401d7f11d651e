namespace Hotline.Ledger.Evaluation.Circulars;

/// <summary>
/// A circular for <see cref="Year"/> as of <see cref="AsOf"/> (default 30 June) as the ledger stood at
/// <see cref="KnownAt"/> (default now). Name both to be able to issue it again identically.
/// </summary>
public sealed record IssueCircular(int Year, DateOnly? AsOf, DateTimeOffset? KnownAt);

public sealed class IssueCircularValidator : AbstractValidator<IssueCircular>
{
    public IssueCircularValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("year.format");
        RuleFor(x => x.AsOf).Must((c, asOf) => AssessmentYear.AsOfOutside(c.Year, asOf!.Value) is null).When(x => x.AsOf is not null)
            .WithErrorCode(AssessmentYear.Code).WithState(c => new object?[] { c.AsOf, c.Year });
    }
}
