namespace Hotline.Ledger.Registry.People;

public sealed class RecordDepartureValidator : AbstractValidator<RecordDeparture>
{
    public RecordDepartureValidator() => RuleFor(x => x.LastDay).NotEmpty();
}
