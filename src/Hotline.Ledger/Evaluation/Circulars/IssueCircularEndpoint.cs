using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;

namespace Hotline.Ledger.Evaluation.Circulars;

/// <summary>What issuing found: a failed integrity verification, a field the ledger refuses, or the sheet to publish.</summary>
public sealed record Issuing(Refusal? Unsound, FieldRefusal? Invalid, StoredSheet? Sheet);

public static class IssueCircularEndpoint
{
    public static async Task<Issuing> LoadAsync(IssueCircular command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock)
    {
        if (await IntegrityVerification.Unsound(session) is { } unsound) return new(unsound, null, null);
        var now = clock.GetUtcNow();
        var knownAt = (command.KnownAt ?? now).ToUniversalTime();
        // A knownAt to come would let later entries into a table that must never change.
        if (knownAt > now) return new(null, new("knownAt", "knownAt.future", now), null);
        var asOf = command.AsOf ?? new DateOnly(command.Year, 6, 30);
        if (rulebooks.ForScoring(command.Year, asOf) is not { } rulebook) return new(null, new("year", "year.noRulebook", command.Year), null);

        var sheet = await SheetBuilder.Build(session, rulebook, new ScoreQuery(command.Year, asOf, knownAt), graded: false);
        return new(null, null, new StoredSheet { Id = Guid.CreateVersion7(), Sha256 = SheetJson.Sha256(sheet), Sheet = sheet });
    }

    public static ProblemDetails Validate(Issuing issuing)
    {
        if (issuing.Unsound is { } unsound) return Problems.ConflictProblem(unsound);
        return issuing.Invalid is { } fault ? Problems.InvalidProblem(fault) : WolverineContinue.NoProblems;
    }

    /// <summary>Issues a half-year circular (M2): computed once, stored as computed (same id), never changed.</summary>
    [WolverinePost("/api/circulars", OperationId = "issueCircular")]
    public static (Written<CircularView>, IStartStream, InsertDoc<StoredSheet>) Post(IssueCircular command, Issuing issuing, HttpContext http)
    {
        var stored = issuing.Sheet!;
        var (id, sheet) = (stored.Id, stored.Sheet);
        return (new(id, $"/api/circulars/{id}"),
            MartenOps.StartStream<Circular>(id, new CircularIssued(
                id, sheet.Year, sheet.AsOf, sheet.KnownAt, sheet.LastSequence, sheet.Rulebook, sheet.Digest, stored.Sha256, RequestActor.Of(http))),
            MartenOps.Insert(stored));
    }
}
