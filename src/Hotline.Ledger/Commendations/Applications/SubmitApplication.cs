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
        RuleFor(x => x.UnitId).NotEmpty().WithErrorCode("application.unitId.required");
        RuleFor(x => x.SelfEvaluation).NotEmpty().MaximumLength(8000).WithErrorCode("application.selfEvaluation.length");
        RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 50).WithErrorCode("application.evidence.tooMany");
        RuleForEach(x => x.Evidence).NotNull().WithErrorCode("evidence.item.null").SetValidator(new EvidenceItemValidator());
        RuleFor(x => x.Nominations).Must(n => n is null || n.Count <= 50).WithErrorCode("application.nominations.tooMany");
        RuleForEach(x => x.Nominations).NotNull().WithErrorCode("application.nominations.null").ChildRules(n =>
        {
            n.RuleFor(x => x.PersonId).NotEmpty().WithErrorCode("application.personId.required");
            n.RuleFor(x => x.Deeds).NotEmpty().MaximumLength(8000).WithErrorCode("application.deeds.length");
            n.RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= 50).WithErrorCode("application.nominationEvidence.tooMany");
            n.RuleForEach(x => x.Evidence).NotNull().WithErrorCode("evidence.item.null").SetValidator(new EvidenceItemValidator());
        });
        RuleFor(x => x.Nominations).Must(n => n is null || n.Any(x => x is null) || n.Select(x => x.PersonId).Distinct().Count() == n.Count)
            .WithErrorCode("application.nominations.repeated");
    }
}
