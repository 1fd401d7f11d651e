namespace Hotline.Ledger.Commendations.Review;

public sealed record UnitPick(Guid UnitId, string? Reason);

public sealed record PersonPick(Guid PersonId, string? Reason);

/// <summary>The office's shortlist: units and individuals among the candidates, each with the review's reason.</summary>
public sealed record DraftShortlist(IReadOnlyList<UnitPick>? Units, IReadOnlyList<PersonPick>? People);

public sealed record ReturnShortlist(string Comments);

public sealed class DraftShortlistValidator : AbstractValidator<DraftShortlist>
{
    public DraftShortlistValidator()
    {
        RuleFor(x => x).Must(x => (x.Units?.Count ?? 0) + (x.People?.Count ?? 0) > 0).OverridePropertyName("units")
            .WithErrorCode("shortlist.picks.none");
        RuleFor(x => x.Units).Must(u => u is null || u.Count <= 1000).WithErrorCode("shortlist.units.tooMany");
        RuleFor(x => x.People).Must(p => p is null || p.Count <= 10000).WithErrorCode("shortlist.people.tooMany");
        RuleForEach(x => x.Units).NotNull().WithErrorCode("shortlist.units.null").ChildRules(u =>
        {
            u.RuleFor(x => x.UnitId).NotEmpty();
            u.RuleFor(x => x.Reason).MaximumLength(2000);
        });
        RuleForEach(x => x.People).NotNull().WithErrorCode("shortlist.people.null").ChildRules(p =>
        {
            p.RuleFor(x => x.PersonId).NotEmpty();
            p.RuleFor(x => x.Reason).MaximumLength(2000);
        });
        RuleFor(x => x.Units).Must(u => u is null || u.Any(x => x is null) || u.Select(x => x.UnitId).Distinct().Count() == u.Count).WithErrorCode("shortlist.units.repeated");
        RuleFor(x => x.People).Must(p => p is null || p.Any(x => x is null) || p.Select(x => x.PersonId).Distinct().Count() == p.Count).WithErrorCode("shortlist.people.repeated");
    }
}

public sealed class ReturnShortlistValidator : AbstractValidator<ReturnShortlist>
{
    public ReturnShortlistValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithErrorCode("approval.comments.length");
}
