using FluentValidation;

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
            .WithMessage("A shortlist names at least one unit ('units') or individual ('people').");
        RuleFor(x => x.Units).Must(u => u is null || u.Count <= 1000).WithMessage("At most 1000 units.");
        RuleFor(x => x.People).Must(p => p is null || p.Count <= 10000).WithMessage("At most 10000 individuals.");
        RuleForEach(x => x.Units).NotNull().WithMessage("A unit pick may not be null.").ChildRules(u =>
        {
            u.RuleFor(x => x.UnitId).NotEmpty();
            u.RuleFor(x => x.Reason).MaximumLength(2000);
        });
        RuleForEach(x => x.People).NotNull().WithMessage("A person pick may not be null.").ChildRules(p =>
        {
            p.RuleFor(x => x.PersonId).NotEmpty();
            p.RuleFor(x => x.Reason).MaximumLength(2000);
        });
        RuleFor(x => x.Units).Must(u => u is null || u.Any(x => x is null) || u.Select(x => x.UnitId).Distinct().Count() == u.Count).WithMessage("A unit appears once on the shortlist.");
        RuleFor(x => x.People).Must(p => p is null || p.Any(x => x is null) || p.Select(x => x.PersonId).Distinct().Count() == p.Count).WithMessage("An individual appears once on the shortlist.");
    }
}

public sealed class ReturnShortlistValidator : AbstractValidator<ReturnShortlist>
{
    public ReturnShortlistValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithMessage("'comments' say what the office must change.");
}
