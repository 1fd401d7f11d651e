namespace Hotline.Ledger.Entries;

public sealed class RecordEntryValidator : AbstractValidator<RecordEntry>
{
    public RecordEntryValidator()
    {
        RuleFor(x => x.Clause).NotEmpty().MaximumLength(16);
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.PersonId).NotEqual(Guid.Empty).When(x => x.PersonId is not null);
        RuleFor(x => x.OccurredOn).NotEmpty().WithErrorCode("entry.occurredOn.required");
        RuleFor(x => x.Points).Must(p => p is > 0 and <= 100 && decimal.Round(p.Value, 2) == p.Value)
            .When(x => x.Points is not null).WithErrorCode("entry.points.magnitude");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 50).WithErrorCode("entry.evidence.tooMany");
        RuleForEach(x => x.Evidence).NotNull().WithErrorCode("evidence.item.null").SetValidator(new EvidenceItemValidator());
        RuleFor(x => x.CaseNumber).MaximumLength(64);
    }
}
