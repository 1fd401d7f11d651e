using FluentValidation;

namespace Hotline.Ledger.Ledger.Entries;

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
        RuleFor(x => x.OccurredOn).NotEmpty().WithMessage("'occurredOn' is required (YYYY-MM-DD).");
        RuleFor(x => x.Points).GreaterThan(0).LessThanOrEqualTo(100)
            .PrecisionScale(5, 2, ignoreTrailingZeros: true)
            .When(x => x.Points is not null)
            .WithMessage("'points' is the magnitude chosen: a positive number with at most two decimals.");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 50).WithMessage("At most 50 evidence items per entry.");
        RuleForEach(x => x.Evidence).NotNull().WithMessage("An evidence item may not be null.").SetValidator(new EvidenceItemValidator());
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
            .WithMessage("'sha256' must be 64 hexadecimal characters.");
    }
}
