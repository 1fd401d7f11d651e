namespace Hotline.Ledger.Entries;

public sealed class RescindEntryValidator : AbstractValidator<RescindEntry>
{
    public RescindEntryValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}
