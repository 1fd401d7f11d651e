namespace Hotline.Ledger.SpotChecks;

public sealed class LinkSpotCheckEntryValidator : AbstractValidator<LinkSpotCheckEntry>
{
    public LinkSpotCheckEntryValidator() => RuleFor(x => x.EntryId).NotEmpty();
}
