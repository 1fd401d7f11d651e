namespace Hotline.Ledger.Entries;

public static class EntryEndpoints
{
    [WolverinePost("/api/entries", OperationId = "recordEntry")]
    public static Task<IResult> Record(RecordEntry command, IDocumentSession session, SingleEntries entries, HttpContext http) =>
        // Through the group commit: entries sent together share a transaction, a seal and a flush (ADR 0120).
        entries.RecordAsync(command, session, http);
}
