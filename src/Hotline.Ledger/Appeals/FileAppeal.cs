using FluentValidation;
using Hotline.Ledger.Ledger.Entries;

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
            .WithMessage("Name what is contested: 'entryId' for an entry, or 'criterion' with 'unitId' and 'year'.");
        RuleFor(x => x.EntryId).NotEqual(Guid.Empty).When(x => x.EntryId is not null);
        RuleFor(x => x.Criterion).Null().When(x => x.EntryId is not null)
            .WithMessage("Contest one thing per appeal: 'entryId' or 'criterion', not both.");
        RuleFor(x => x.Criterion).NotEmpty().MaximumLength(16).When(x => x.Criterion is not null);
        RuleFor(x => x.UnitId).NotNull().NotEqual(Guid.Empty).When(x => x.Criterion is not null)
            .WithMessage("'unitId' names the unit whose criterion is contested.");
        RuleFor(x => x.Year).NotNull().InclusiveBetween(2000, 2100).When(x => x.Criterion is not null)
            .WithMessage("'year' is the assessment year of the contested criterion, such as 2020.");
        RuleFor(x => x.UnitId).Null().When(x => x.EntryId is not null)
            .WithMessage("An appeal against an entry takes its unit from the entry; leave 'unitId' out.");
        RuleFor(x => x.Year).Null().When(x => x.EntryId is not null)
            .WithMessage("An appeal against an entry takes its year from the entry; leave 'year' out.");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 50).WithMessage("At most 50 evidence items per appeal.");
        RuleForEach(x => x.Evidence).NotNull().WithMessage("An evidence item may not be null.").SetValidator(new EvidenceItemValidator());
    }
}
