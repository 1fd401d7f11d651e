namespace Hotline.Ledger.SelfChecks;

public sealed record SubmitSelfCheck(string Month, IReadOnlyList<SelfCheckItem> Items, string? Summary);

public sealed class SubmitSelfCheckValidator : AbstractValidator<SubmitSelfCheck>
{
    public SubmitSelfCheckValidator()
    {
        RuleFor(x => x.Month).NotEmpty().Matches(@"^\d{4}-(0[1-9]|1[0-2])$").WithErrorCode("selfCheck.month.format");
        RuleFor(x => x.Items).NotEmpty().Must(i => i is null || i.Count <= 40).WithErrorCode("selfCheck.items.count");
        RuleForEach(x => x.Items).NotNull().WithErrorCode("selfCheck.item.null").ChildRules(item =>
        {
            item.RuleFor(i => i.Clause).NotEmpty().MaximumLength(16);
            item.RuleFor(i => i.Points).GreaterThanOrEqualTo(0).PrecisionScale(5, 2, ignoreTrailingZeros: true);
            item.RuleFor(i => i.Note).MaximumLength(1000);
        });
        RuleFor(x => x.Summary).MaximumLength(4000);
    }
}
