using System.Text.Json.Nodes;
using Hotline.Ledger.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>A draft with its rulebook (in the loader's JSON: what PUT takes back), its differences from the rulebook it is compared to, and every step taken.</summary>
public sealed record DraftView(
    Guid Id,
    int Version,
    ApprovalStatus Status,
    string RulebookId,
    string Title,
    DateOnly EffectiveFrom,
    string? CopyOf,
    DateTimeOffset DraftedAt,
    string DraftedBy,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    RulebookDifferences Differences,
    JsonNode Rulebook,
    IReadOnlyList<ApprovalStep> Steps) : IViewOf<RulebookDraft, DraftView>
{
    static DraftView IViewOf<RulebookDraft, DraftView>.Of(RulebookDraft draft, IServiceProvider services) =>
        Of(draft, services.GetRequiredService<RulebookCatalog>());

    /// <summary>The draft against the rulebook it names (its copy's source, else the one in force when it was drafted).</summary>
    public static DraftView Of(RulebookDraft d, RulebookCatalog catalog)
    {
        var book = d.Rulebook();
        // An adopted draft is in the catalog itself: compare it with what it was drafted against.
        var compared = catalog.Get(d.ComparedTo) ?? catalog.All[0];
        return new(d.Id, d.Version, d.Status, book.Id, book.Title, book.EffectiveFrom, d.CopyOf, d.DraftedAt, d.DraftedBy,
            d.ApprovedAt, d.ApprovedBy, RulebookDifferences.Between(compared, book), JsonNode.Parse(d.RulebookJson)!, d.Steps);
    }
}

/// <summary>A draft in a list: what it is and how far it got, without the rulebook itself.</summary>
public sealed record DraftSummary(Guid Id, int Version, ApprovalStatus Status, string RulebookId, string Title, DateOnly EffectiveFrom,
    string? CopyOf, string ComparedTo, DateTimeOffset DraftedAt, string DraftedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy)
{
    public static DraftSummary Of(RulebookDraft d) => new(d.Id, d.Version, d.Status, d.RulebookId, d.Rulebook().Title, d.EffectiveFrom,
        d.CopyOf, d.ComparedTo, d.DraftedAt, d.DraftedBy, d.ApprovedAt, d.ApprovedBy);
}

/// <summary>
/// One rulebook of the catalog in the order revisions took effect: the built-in measures, then each
/// adopted draft with who submitted and approved it and when.
/// </summary>
public sealed record RevisionEntry(string RulebookId, string Title, DateOnly EffectiveFrom, bool InForce, bool BuiltIn, Guid? DraftId,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt, IReadOnlyList<ApprovalStep> Steps);

public sealed record ReturnDraft(string Comments);

public sealed class ReturnDraftValidator : AbstractValidator<ReturnDraft>
{
    public ReturnDraftValidator() =>
        RuleFor(x => x.Comments).NotEmpty().MaximumLength(4000).WithErrorCode("approval.comments.length");
}
