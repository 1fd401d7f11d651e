using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>
/// A draft rulebook on its way to adoption (ADR 0090, ADR 0092): its versions, and the approval trail the
/// evaluation uses (draft → submitted → returned → submitted → approved). Projected inline.
/// </summary>
public sealed class RulebookDraft : ApprovalTrail
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string RulebookJson { get; set; } = "";

    /// <summary>The id the rulebook will have once adopted.</summary>
    public string RulebookId { get; set; } = "";

    public DateOnly EffectiveFrom { get; set; }
    public string? CopyOf { get; set; }
    public string ComparedTo { get; set; } = "";
    public DateTimeOffset DraftedAt { get; set; }
    public string DraftedBy { get; set; } = "";

    /// <summary>Set on adoption only, and unique: no two revisions share an id or an effective date.</summary>
    public string? AdoptedId { get; set; }

    public DateOnly? AdoptedFrom { get; set; }

    public bool IsGone => Status == ApprovalStatus.Deleted;

    public Rulebook Rulebook() => RulebookLoader.Parse(RulebookJson, $"draft {Id}");

    public static RulebookDraft Create(IEvent<RulebookDrafted> e)
    {
        var draft = new RulebookDraft
        {
            Id = e.Data.DraftId, CopyOf = e.Data.CopyOf, ComparedTo = e.Data.ComparedTo, DraftedAt = e.Timestamp, DraftedBy = e.Data.DraftedBy,
        };
        draft.Hold(e.Data.RulebookJson);
        draft.Took("drafted", e.Timestamp, e.Data.DraftedBy);
        return draft;
    }

    public void Apply(IEvent<RulebookDraftRevised> e)
    {
        Hold(e.Data.RulebookJson);
        Took("revised", e.Timestamp, e.Data.RevisedBy, $"version {Version}");
    }

    public void Apply(IEvent<RulebookDraftDeleted> e)
    {
        Status = ApprovalStatus.Deleted;
        Took("deleted", e.Timestamp, e.Data.DeletedBy);
    }

    public void Apply(IEvent<RulebookDraftSubmitted> e) => Submit(e.Timestamp, e.Data.SubmittedBy);

    public void Apply(IEvent<RulebookDraftReturned> e) => Return(e.Timestamp, e.Data.ReturnedBy, e.Data.Comments);

    public void Apply(IEvent<RulebookRevisionAdopted> e)
    {
        AdoptedId = e.Data.RulebookId;
        AdoptedFrom = e.Data.EffectiveFrom;
        Approve(e.Timestamp, e.Data.ApprovedBy);
    }

    private void Hold(string json)
    {
        var book = RulebookLoader.Parse(json, $"draft {Id}");
        RulebookJson = json;
        RulebookId = book.Id;
        EffectiveFrom = book.EffectiveFrom;
        Version++;
    }
}
