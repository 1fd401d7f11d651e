using Hotline.Ledger.Security;

namespace Hotline.Ledger.Entries;

public static class GetEntryEndpoint
{
    public static ProblemDetails Validate(Entry? entry, Guid id) =>
        entry is null ? Problems.NotFoundProblem("entry", id) : WolverineContinue.NoProblems;

    /// <summary>An entry carries its evidence: who read it is put on file like a read of the evidence trail.</summary>
    [WolverineGet("/api/entries/{id}", OperationId = "getEntry")]
    [AuditedRead(ReadKind.Entry, ReadSubject.Answer)]
    public static EntryView Get([Entity("id", Required = false)] Entry? entry) => EntryView.Of(entry!);
}
