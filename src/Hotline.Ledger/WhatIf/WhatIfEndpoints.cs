using Hotline.Ledger.Http;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Rulebooks.Drafts;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.WhatIf;

public static class WhatIfEndpoints
{
    /// <summary>
    /// The year as known at <c>knownAt</c>, replayed under the rulebook in force on <c>asOf</c> and under a draft,
    /// every unit and person side by side. A read: nothing is appended; it is recorded as a score replay is.
    /// </summary>
    [WolverineGet("/api/what-if", OperationId = "whatIf")]
    public static async Task<IResult> WhatIf(IQuerySession session, RulebookCatalog rulebooks, TimeProvider clock, ReadAudit audit, HttpContext http,
        string? draft, string? year, string? asOf, string? knownAt)
    {
        if (string.IsNullOrWhiteSpace(draft) || !Guid.TryParse(draft, out var draftId))
            return Problems.Invalid("draft", "whatIf.draft.required");
        var (query, fault) = ScoreQuery.Parse(year, asOf, knownAt, clock);
        if (query is null) return Problems.Invalid(fault!);
        if (await DraftEndpoints.Live(session, draftId) is not { } held) return Problems.NotFound("rulebook draft", draftId);

        // Every unit's and person's score is replayed: recorded without a subject, before anything is answered.
        await audit.RecordAsync(http, ReadKind.ScoreReplay, cancellation: http.RequestAborted);
        var book = held.Rulebook();
        var pricing = new Repricing(rulebooks.ForScoring(query.Year, query.AsOf)!, book);
        var reference = new DraftReference(held.Id, held.Version, held.Status, book.Id, book.Title);
        return Results.Ok(await Comparison.Of(session, pricing, reference, query, http.RequestAborted));
    }
}
