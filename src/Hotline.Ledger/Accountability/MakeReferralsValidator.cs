namespace Hotline.Ledger.Accountability;

public sealed class MakeReferralsValidator : AbstractValidator<MakeReferrals>
{
    public MakeReferralsValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("year.format");
        RuleFor(x => x.Note).MaximumLength(4000);
    }
}
