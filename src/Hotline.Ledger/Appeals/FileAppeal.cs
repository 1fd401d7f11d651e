using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Appeals;

/// <summary>
/// An appeal against an entry (<see cref="EntryId"/>), or against a criterion's score for a year
/// (<see cref="Criterion"/> with <see cref="UnitId"/> and <see cref="Year"/>): one or the other.
/// </summary>
public sealed record FileAppeal(
    Guid? EntryId,
    string? Criterion,
    Guid? UnitId,
    int? Year,
    string Reason,
    IReadOnlyList<EvidenceItem>? Evidence);

public sealed class FileAppealValidator : AbstractValidator<FileAppeal>
{
    public FileAppealValidator()
    {
        RuleFor(x => x.EntryId).NotNull().When(x => x.Criterion is null)
            .WithErrorCode("appeal.subject.required");
        RuleFor(x => x.EntryId).NotEqual(Guid.Empty).When(x => x.EntryId is not null);
        RuleFor(x => x.Criterion).Null().When(x => x.EntryId is not null)
            .WithErrorCode("appeal.subject.both");
        RuleFor(x => x.Criterion).NotEmpty().MaximumLength(16).When(x => x.Criterion is not null);
        RuleFor(x => x.UnitId).NotNull().NotEqual(Guid.Empty).When(x => x.Criterion is not null)
            .WithErrorCode("appeal.unitId.required");
        RuleFor(x => x.Year).NotNull().InclusiveBetween(2000, 2100).When(x => x.Criterion is not null)
            .WithErrorCode("appeal.year.required");
        RuleFor(x => x.UnitId).Null().When(x => x.EntryId is not null)
            .WithErrorCode("appeal.unitId.notAllowed");
        RuleFor(x => x.Year).Null().When(x => x.EntryId is not null)
            .WithErrorCode("appeal.year.notAllowed");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 50).WithErrorCode("appeal.evidence.tooMany");
        RuleForEach(x => x.Evidence).NotNull().WithErrorCode("evidence.item.null").SetValidator(new EvidenceItemValidator());
    }
}
