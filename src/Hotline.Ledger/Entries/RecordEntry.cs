namespace Hotline.Ledger.Entries;

/// <summary>A bonus or deduction as the office submits it. <see cref="Points"/> is the magnitude chosen.</summary>
public sealed record RecordEntry(
    string Clause,
    Guid UnitId,
    Guid? PersonId,
    DateOnly OccurredOn,
    decimal? Points,
    string Reason,
    IReadOnlyList<EvidenceItem>? Evidence,
    string? CaseNumber);

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
