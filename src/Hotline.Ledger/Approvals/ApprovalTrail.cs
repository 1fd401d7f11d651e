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
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";

    public string Status { get; set; } = Draft;
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public List<ApprovalStep> Steps { get; set; } = [];

    /// <summary>When the last step of the given kind was taken, for the refusals' wording.</summary>
    public string Last(string step) => Steps.LastOrDefault(s => s.Step == step) is { } s ? $"{s.At:O} by {s.By}" : "an earlier time";

    /// <summary>
    /// Why <paramref name="move"/> cannot be taken now (null when it can), saying what must happen first. An
    /// approved document is refused by its owner, in its own words, before this is asked.
    /// </summary>
    public string? OutOfOrder(ApprovalMove move, string step, string noun, string route) => (move, Status) switch
    {
        (ApprovalMove.Edit or ApprovalMove.Submit, Draft or Returned) => null,
        (ApprovalMove.Return or ApprovalMove.Approve, Submitted) => null,
        (ApprovalMove.Edit, Submitted) =>
            $"The {noun} is with the leadership (submitted at {Last("submitted")}); a leader must return it first (POST {route}/return).",
        (ApprovalMove.Submit, Submitted) =>
            $"The {noun} was already submitted at {Last("submitted")}; a leader approves it or returns it first.",
        (ApprovalMove.Return or ApprovalMove.Approve, Draft) =>
            $"The {noun} is a draft; the office must submit it first (POST {route}/submit).",
        (ApprovalMove.Return or ApprovalMove.Approve, Returned) =>
            $"The {noun} was returned at {Last("returned")}; the office must submit it again first (POST {route}/submit).",
        _ => $"The {noun} is {Status}; '{step}' cannot follow.",
    };

    protected void Took(string step, DateTimeOffset at, string by, string? comments = null) => Steps.Add(new(step, at, by, comments));

    protected void Submit(DateTimeOffset at, string by, string? comments = null)
    {
        Status = Submitted;
        Took("submitted", at, by, comments);
    }

    protected void Return(DateTimeOffset at, string by, string? comments)
    {
        Status = Returned;
        Took("returned", at, by, comments);
    }

    protected void Approve(DateTimeOffset at, string by, string? comments = null)
    {
        Status = Approved;
        ApprovedAt = at;
        ApprovedBy = by;
        Took("approved", at, by, comments);
    }
}
