namespace Hotline.Ledger.Entries;

public sealed record RescindEntry(string Reason);

public sealed class RescindEntryValidator : AbstractValidator<RescindEntry>
{
    public RescindEntryValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}
