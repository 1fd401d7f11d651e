namespace Hotline.Ledger.SpotChecks;

public sealed record RecordSpotCheck(Guid UnitId, DateOnly CheckedOn, string Scope, string Findings, IReadOnlyList<Guid>? EntryIds);

public sealed record LinkSpotCheckEntry(Guid EntryId);

public sealed class RecordSpotCheckValidator : AbstractValidator<RecordSpotCheck>
{
    public RecordSpotCheckValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.CheckedOn).NotEmpty().WithErrorCode("spotCheck.checkedOn.required");
        RuleFor(x => x.Scope).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.Findings).NotEmpty().MaximumLength(8000);
        RuleFor(x => x.EntryIds).Must(e => e is null || e.Count <= 100).WithErrorCode("spotCheck.entryIds.tooMany");
    }
}

public sealed class LinkSpotCheckEntryValidator : AbstractValidator<LinkSpotCheckEntry>
{
    public LinkSpotCheckEntryValidator() => RuleFor(x => x.EntryId).NotEmpty();
}
