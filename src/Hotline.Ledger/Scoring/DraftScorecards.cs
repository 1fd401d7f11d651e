using Hotline.Ledger.Cases;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Rulebooks.Drafts;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Scoring;

/// <summary>One scorecard under a draft (<c>?rulebook=draft:ID</c>): the subject's rows priced by the draft, scored by the scorecard's own code.</summary>
public static class DraftScorecards
{
    public const string Prefix = "draft:";

    /// <summary>The draft a score query names, or the refusal: a malformed value, a draft unknown or withdrawn, a reader drafts are not shown to.</summary>
    public static async Task<(RulebookDraft? Draft, IResult? Refusal)> Resolve(IQuerySession session, HttpContext http, string? rulebook)
    {
        if (string.IsNullOrWhiteSpace(rulebook)) return (null, null);
        if (!rulebook.StartsWith(Prefix, StringComparison.Ordinal) || !Guid.TryParse(rulebook[Prefix.Length..], out var id))
            return (null, Problems.Invalid("rulebook", "score.rulebook.invalid"));
        if (!AccessMatrix.DraftReaders.Any(http.User.IsInRole))
            return (null, Problems.Status(StatusCodes.Status403Forbidden, "auth.forbidden.draftScorecard", string.Join(", ", AccessMatrix.DraftReaders)));
        return await DraftEndpoints.Live(session, id) is { } draft ? (draft, null) : (null, Problems.NotFound("rulebook draft", id));
    }

    public static async Task<Scorecard> Compute(IQuerySession session, Rulebook inForce, RulebookDraft draft, SubjectKind kind, ScoreSubject subject,
        ScoreQuery query, (Task<IReadOnlyList<Entry>> Entries, Task<IReadOnlyList<Mark>> Marks) rows, Task<CaseCounts>? counts = null)
    {
        var pricing = new Repricing(inForce, draft.Rulebook());
        var priced = (Task.FromResult(pricing.Entries(await rows.Entries)), Task.FromResult(pricing.Marks(await rows.Marks)));
        var card = await SubjectCards.Compute(session, pricing.Draft, kind, subject, query, priced, counts);
        return card with { Rulebook = Prefix + draft.Id };
    }
}
