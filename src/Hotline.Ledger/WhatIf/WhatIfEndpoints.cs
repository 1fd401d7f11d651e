using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Rulebooks.Drafts;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.WhatIf;

public static class WhatIfEndpoints
{
    /// <summary>The draft to compare with: a live draft's id, or the 400 of <c>draft</c> or its 404.</summary>
    public static async Task<(RulebookDraft? Draft, ProblemDetails Problem)> LoadAsync(string? draft, IQuerySession session)
    {
        if (string.IsNullOrWhiteSpace(draft) || !Guid.TryParse(draft, out var id))
            return (null, Problems.InvalidProblem("draft", "whatIf.draft.required"));
        return await DraftEndpoints.Live(session, id) is { } held
            ? (held, WolverineContinue.NoProblems)
            : (null, Problems.NotFoundProblem("rulebook draft", id));
    }

    /// <summary>
    /// The year as known at <c>knownAt</c>, replayed under the rulebook in force on <c>asOf</c> and under a draft,
    /// every unit and person side by side. A read: nothing is appended; it is recorded as a score replay is, without a
    /// subject, since every unit's and person's score is replayed.
    /// </summary>
    [WolverineGet("/api/what-if", OperationId = "whatIf")]
    [AuditedRead(ReadKind.ScoreReplay)]
    public static Task<WhatIfAnswer> WhatIf(RulebookDraft held, ScoreQuery query, IQuerySession session, RulebookCatalog rulebooks, CancellationToken cancellation)
    {
        var book = held.Rulebook();
        var pricing = new Repricing(rulebooks.ForScoring(query.Year, query.AsOf)!, book);
        var reference = new DraftReference(held.Id, held.Version, held.Status, book.Id, book.Title);
        return Comparison.Of(session, pricing, reference, query, cancellation);
    }
}
