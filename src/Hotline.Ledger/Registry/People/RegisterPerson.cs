namespace Hotline.Ledger.Registry.People;

public sealed record RegisterPerson(string Name, Guid UnitId, DateOnly? EffectiveOn);

public sealed record TransferPerson(Guid ToUnitId, DateOnly EffectiveOn);

public sealed class RegisterPersonValidator : AbstractValidator<RegisterPerson>
{
    public RegisterPersonValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.UnitId).NotEmpty();
    }
}

public sealed class TransferPersonValidator : AbstractValidator<TransferPerson>
{
    public TransferPersonValidator()
    {
        RuleFor(x => x.ToUnitId).NotEmpty();
        RuleFor(x => x.EffectiveOn).NotEmpty();
    }
}

/// <summary>The person leaves their unit; <see cref="LastDay"/> is the last day they belong to it.</summary>
public sealed record RecordDeparture(DateOnly LastDay);

public sealed class RecordDepartureValidator : AbstractValidator<RecordDeparture>
{
    public RecordDepartureValidator() => RuleFor(x => x.LastDay).NotEmpty();
}
