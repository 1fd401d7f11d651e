namespace Hotline.Ledger.Registry.People;

public sealed class TransferPersonValidator : AbstractValidator<TransferPerson>
{
    public TransferPersonValidator()
    {
        RuleFor(x => x.ToUnitId).NotEmpty();
        RuleFor(x => x.EffectiveOn).NotEmpty();
    }
}
