namespace Hotline.Ledger.Commendations.Awards;

/// <summary>
/// The streams of the commendations an issue awards, started in the transaction. One side effect rather than a
/// list of <c>MartenOps.StartStream</c>: beside a <c>[WriteAggregate]</c> stream, Wolverine appends any returned
/// <c>IEnumerable</c> to that stream as its events.
/// </summary>
public sealed record CommendationStreams(IReadOnlyList<CommendationAwarded> Awarded) : IMartenOp
{
    public void Execute(IDocumentSession session)
    {
        foreach (var awarded in Awarded) session.Events.StartStream<Commendation>(awarded.CommendationId, awarded);
    }
}
