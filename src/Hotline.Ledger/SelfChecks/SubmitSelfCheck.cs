using FluentValidation;

namespace Hotline.Ledger.SelfChecks;

public sealed record SubmitSelfCheck(string Month, IReadOnlyList<SelfCheckItem> Items, string? Summary);

public sealed class SubmitSelfCheckValidator : AbstractValidator<SubmitSelfCheck>
{
    public SubmitSelfCheckValidator()
    {
        RuleFor(x => x.Month).NotEmpty().Matches(@"^\d{4}-(0[1-9]|1[0-2])$").WithMessage("'month' must be a month such as 2020-05.");
        RuleFor(x => x.Items).NotEmpty().Must(i => i is null || i.Count <= 40).WithMessage("Give 1 to 40 items, one per unit criterion.");
        RuleForEach(x => x.Items).NotNull().WithMessage("An item may not be null.").ChildRules(item =>
        {
            item.RuleFor(i => i.Clause).NotEmpty().MaximumLength(16);
            item.RuleFor(i => i.Points).GreaterThanOrEqualTo(0).PrecisionScale(5, 2, ignoreTrailingZeros: true);
            item.RuleFor(i => i.Note).MaximumLength(1000);
        });
        RuleFor(x => x.Summary).MaximumLength(4000);
    }
}
