namespace Hotline.Ledger.Approvals;

/// <summary>One step on a document's way to approval, with who took it and when.</summary>
public sealed record ApprovalStep(string Step, DateTimeOffset At, string By, string? Comments);

/// <summary>What a request asks of a document on its way to approval.</summary>
public enum ApprovalMove { Edit, Submit, Return, Approve }

/// <summary>
/// The way the measures send a document to the leadership — the year-end evaluation (M3) and the
/// commendation plan (S1): draft → submitted → (returned → submitted)* → approved, every step kept with who
/// took it and when. Projected inline with the document that carries it.
/// </summary>
public abstract class ApprovalTrail
{
    public ApprovalStatus Status { get; set; } = ApprovalStatus.Draft;
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public List<ApprovalStep> Steps { get; set; } = [];

    /// <summary>When the last step of the given kind was taken, for the refusals' wording.</summary>
    public Refusal Last(string step) => Steps.LastOrDefault(s => s.Step == step) is { } s
        ? new("approval.stepAt", s.At, s.By)
        : new("approval.stepAt.earlier");

    /// <summary>
    /// Why <paramref name="move"/> cannot be taken now (null when it can), saying what must happen first. An
    /// approved document is refused by its owner, in its own words, before this is asked.
    /// </summary>
    public Refusal? OutOfOrder(ApprovalMove move, string step, string noun, string route) => (move, Status) switch
    {
        (ApprovalMove.Edit or ApprovalMove.Submit, ApprovalStatus.Draft or ApprovalStatus.Returned) => null,
        (ApprovalMove.Return or ApprovalMove.Approve, ApprovalStatus.Submitted) => null,
        (ApprovalMove.Edit, ApprovalStatus.Submitted) => new("approval.withLeadership", Noun(noun), Last("submitted"), route),
        (ApprovalMove.Submit, ApprovalStatus.Submitted) => new("approval.alreadySubmitted", Noun(noun), Last("submitted")),
        (ApprovalMove.Return or ApprovalMove.Approve, ApprovalStatus.Draft) => new("approval.draft", Noun(noun), route),
        (ApprovalMove.Return or ApprovalMove.Approve, ApprovalStatus.Returned) => new("approval.returned", Noun(noun), Last("returned"), route),
        _ => new("approval.cannotFollow", Noun(noun), Status, step),
    };

    // "rulebook draft" → noun.rulebookDraft, worded in the language of the refusal it is part of.
    private static Refusal Noun(string noun) =>
        new("noun." + string.Concat(noun.Split(' ').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));

    protected void Took(string step, DateTimeOffset at, string by, string? comments = null) => Steps.Add(new(step, at, by, comments));

    protected void Submit(DateTimeOffset at, string by, string? comments = null)
    {
        Status = ApprovalStatus.Submitted;
        Took("submitted", at, by, comments);
    }

    protected void Return(DateTimeOffset at, string by, string? comments)
    {
        Status = ApprovalStatus.Returned;
        Took("returned", at, by, comments);
    }

    protected void Approve(DateTimeOffset at, string by, string? comments = null)
    {
        Status = ApprovalStatus.Approved;
        ApprovedAt = at;
        ApprovedBy = by;
        Took("approved", at, by, comments);
    }
}
