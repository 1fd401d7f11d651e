using Hotline.Ledger.Approvals;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>Why a step cannot be taken on a draft now, as the problem the endpoints answer (404, then 409).</summary>
public static class DraftProblems
{
    public const string Route = "/api/rulebooks/drafts";

    /// <summary>What the office or a leader does about a date or an id that cannot be adopted: (Chinese, English).</summary>
    public static readonly (string Zh, string En) ChangeIt = ("修改草案（PUT）", "Change it (PUT)");

    public static (string Zh, string En) ReturnIt(Guid id) =>
        ($"将草案退回（POST {Route}/{id}/return）由办公室修改", $"Return it (POST {Route}/{id}/return) so that the office changes it");

    /// <summary>A withdrawn draft answers as if it never existed; an adopted one is final; the others follow the approval trail.</summary>
    public static ProblemDetails Refuse(Guid id, RulebookDraft? draft, ApprovalMove move)
    {
        if (draft is not { IsGone: false }) return Problems.NotFoundProblem("rulebook draft", id);
        if (draft.Status == ApprovalStatus.Approved)
            return Problems.ConflictProblem("rulebookDraft.adopted", null, draft.AdoptedId, draft.ApprovedAt, draft.ApprovedBy);
        return draft.OutOfOrder(move, move.ToString().ToLowerInvariant(), "rulebook draft", $"{Route}/{draft.Id}") is { } detail
            ? Problems.ConflictProblemAs(detail, "rulebookDraft.outOfOrder.title")
            : WolverineContinue.NoProblems;
    }

    /// <summary>A revision takes effect only after today, and under an id and on a day no rulebook has.</summary>
    public static ProblemDetails Unadoptable(RulebookDraft draft, RulebookCatalog catalog, DateOnly today, (string Zh, string En) remedy)
    {
        if (draft.EffectiveFrom <= today)
            return Problems.ConflictProblem("rulebookDraft.notFuture", "effectiveFrom", draft.EffectiveFrom, today, remedy.Zh, remedy.En);
        return catalog.Clash(draft.Rulebook()) is { } clash
            ? Problems.ConflictProblem(clash.Field == "id" ? "rulebookDraft.idTaken" : "rulebookDraft.dayTaken", clash.Field,
                clash.Holder.Id, clash.Holder.EffectiveFrom, remedy.Zh, remedy.En)
            : WolverineContinue.NoProblems;
    }

    /// <summary>The first of two checks that refuses, or no problem.</summary>
    public static ProblemDetails Either(ProblemDetails first, Func<ProblemDetails> second) =>
        ReferenceEquals(first, WolverineContinue.NoProblems) ? second() : first;
}
