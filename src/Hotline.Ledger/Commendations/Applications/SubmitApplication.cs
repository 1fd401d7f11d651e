using FluentValidation;
using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Commendations.Applications;

public sealed record NominationRequest(Guid PersonId, string Deeds, IReadOnlyList<EvidenceItem>? Evidence);

/// <summary>
/// A unit's application: <see cref="SeeksUnitCommendation"/> defaults to whether the plan has places
/// for advanced units; <see cref="Nominations"/> may be empty.
/// </summary>
public sealed record SubmitApplication(
    Guid UnitId,
    string SelfEvaluation,
    bool? SeeksUnitCommendation,
    IReadOnlyList<EvidenceItem>? Evidence,
    IReadOnlyList<NominationRequest>? Nominations);

public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplication>
{
    public SubmitApplicationValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty().WithMessage("'unitId' names the applying unit.");
        RuleFor(x => x.SelfEvaluation).NotEmpty().MaximumLength(8000).WithMessage("'selfEvaluation' is the unit's own account of its year (1–8000 characters).");
        RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 50).WithMessage("At most 50 evidence items per application.");
        RuleForEach(x => x.Evidence).NotNull().WithMessage("An evidence item may not be null.").SetValidator(new EvidenceItemValidator());
        RuleFor(x => x.Nominations).Must(n => n is null || n.Count <= 50).WithMessage("At most 50 nominations per application.");
        RuleForEach(x => x.Nominations).NotNull().WithMessage("A nomination may not be null.").ChildRules(n =>
        {
            n.RuleFor(x => x.PersonId).NotEmpty().WithMessage("'personId' names the nominee.");
            n.RuleFor(x => x.Deeds).NotEmpty().MaximumLength(8000).WithMessage("'deeds' describe what the nominee did (1–8000 characters).");
            n.RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 50).WithMessage("At most 50 evidence items per nomination.");
            n.RuleForEach(x => x.Evidence).NotNull().WithMessage("An evidence item may not be null.").SetValidator(new EvidenceItemValidator());
        });
        RuleFor(x => x.Nominations).Must(n => n is null || n.Any(x => x is null) || n.Select(x => x.PersonId).Distinct().Count() == n.Count)
            .WithMessage("A person is nominated once per application.");
    }
}
