namespace Hotline.Ledger.Accountability;

/// <summary>Refer, for a year whose year-end result is approved, every unit and individual the accountability rules name.</summary>
public sealed record MakeReferrals(int Year, string? Note);

public sealed class MakeReferralsValidator : AbstractValidator<MakeReferrals>
{
    public MakeReferralsValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithErrorCode("year.format");
        RuleFor(x => x.Note).MaximumLength(4000);
    }
}
