namespace Hotline.Ledger.Marks;

/// <summary>Exactly one of <see cref="UnitId"/> and <see cref="PersonId"/> names the subject.</summary>
public sealed record RecordMark(int Year, string Clause, Guid? UnitId, Guid? PersonId, decimal Points, string Reason);

public sealed class RecordMarkValidator : AbstractValidator<RecordMark>
{
    public RecordMarkValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.Clause).NotEmpty().MaximumLength(16);
        RuleFor(x => x.UnitId).NotNull().When(x => x.PersonId is null)
            .WithErrorCode("mark.subject.required");
        RuleFor(x => x.PersonId).Null().When(x => x.UnitId is not null)
            .WithErrorCode("mark.subject.both");
        RuleFor(x => x.UnitId).NotEqual(Guid.Empty).When(x => x.UnitId is not null);
        RuleFor(x => x.PersonId).NotEqual(Guid.Empty).When(x => x.PersonId is not null);
        RuleFor(x => x.Points).GreaterThanOrEqualTo(0).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
    }
}
