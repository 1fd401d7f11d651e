using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using JasperFx.Events;
using Microsoft.Extensions.Configuration;

namespace Hotline.Ledger.SelfChecks;

public static class SubmitSelfCheckEndpoint
{
    /// <summary>The month's stream as it stands (null before its first submission), or the problem to answer.</summary>
    public static async Task<(StreamState?, ProblemDetails)> LoadAsync(Guid id, [Entity("id", Required = false)] Unit? unit,
        SubmitSelfCheck command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock)
    {
        if (unit is null) return (null, Problems.NotFoundProblem("unit", id));
        if (SelfCheckRules.Refuse(command, rulebooks, OfficeCalendar.Today(clock)) is { } refusal) return (null, Problems.Of(refusal));
        return (await session.Events.FetchStreamStateAsync(SelfCheck.IdOf(id, command.Month)), WolverineContinue.NoProblems);
    }

    // A racing first submission collides on the derived stream id, a racing revision on the version read before: either answers 409.
    [WolverinePost("/api/units/{id}/self-checks", OperationId = "submitSelfCheck")]
    public static (Stored<SelfCheck, SelfCheckView>, IMartenOp) Post(
        Guid id, SubmitSelfCheck command, [NotBody] StreamState? month, IConfiguration config, HttpContext http)
    {
        var streamId = SelfCheck.IdOf(id, command.Month);
        var submitted = new SelfCheckSubmitted(streamId, id, command.Month, command.Items, command.Summary?.Trim(),
            RequestActor.Of(http), SelfCheckMonths.DueOn(command.Month, config));
        var answer = Stored<SelfCheck, SelfCheckView>.Created(streamId, $"/api/units/{id}/self-checks/{command.Month}");
        return (answer, month is null
            ? (IMartenOp)MartenOps.StartStream<SelfCheck>(streamId, submitted)
            : MartenOps.Append(streamId, month.Version + 1, submitted));
    }
}
