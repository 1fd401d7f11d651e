namespace Hotline.Ledger.Entries;

public sealed class EvidenceItemValidator : AbstractValidator<EvidenceItem>
{
    public EvidenceItemValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Reference).NotEmpty().MaximumLength(1000);
        RuleFor(x => x.Sha256).Matches("^[0-9a-fA-F]{64}$").When(x => x.Sha256 is not null)
            .WithErrorCode("evidence.sha256.format");
    }
}
