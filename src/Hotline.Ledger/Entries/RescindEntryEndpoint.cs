using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Entries;

public static class RescindEntryEndpoint
{
    public static ProblemDetails Validate(Guid id, Entry? entry) => entry switch
    {
        null => Problems.NotFoundProblem("entry", id),
        { Rescission: { } done } => Problems.ConflictProblem("entry.rescinded", null, id, done.RescindedAt, done.RescindedBy),
        _ => WolverineContinue.NoProblems,
    };

    // The stream's version read with the entry is checked when Wolverine saves: of two racing rescissions, one answers 409.
    [WolverinePost("/api/entries/{id}/rescind", OperationId = "rescindEntry")]
    public static (Stored<Entry, EntryView>, Events) Post(
        RescindEntry command, [WriteAggregate("id", Required = false)] Entry? entry, IDocumentSession session, RulebookCatalog rulebooks, HttpContext http)
    {
        var rescinded = new EntryRescinded(entry!.Id, command.Reason.Trim(), RequestActor.Of(http));
        // The entry stops counting, so its once-per-year claims are released in the same save.
        EntryBook.ReleaseClaims(session, rulebooks.Get(entry.Rulebook)?.Find(entry.Clause), entry);
        return (Stored<Entry, EntryView>.Updated(entry.Id), [rescinded]);
    }
}
