using Hotline.Ledger.Evaluation.Sheets;

namespace Hotline.Ledger.Evaluation.Circulars;

/// <summary>
/// The circular as published: its identity and issue (id, issuedAt, issuedBy), then its content, which
/// is the same for every issue with the same parameters (<see cref="Sha256"/> over the content).
/// </summary>
public sealed record CircularView(
    Guid Id,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    string Sha256,
    int Year,
    DateOnly AsOf,
    DateTimeOffset KnownAt,
    long LastSequence,
    string Rulebook,
    string? Digest,
    IReadOnlyList<SheetClause> Clauses,
    IReadOnlyList<SheetUnit> Units,
    IReadOnlyList<SheetPerson> People)
{
    public static CircularView Of(Circular c, ScoreSheet s) => new(
        c.Id, c.IssuedAt, c.IssuedBy, c.Sha256, s.Year, s.AsOf, s.KnownAt, s.LastSequence, s.Rulebook, s.Digest, s.Clauses, s.Units, s.People);

    /// <summary>The circular as saved, with the instant the store recorded its issue.</summary>
    public static async Task<CircularView> ReadBackAsync(Written<CircularView> written, IDocumentSession session)
    {
        var circular = await session.LoadAsync<Circular>(written.Id);
        var stored = await session.LoadAsync<StoredSheet>(written.Id);
        return Of(circular!, stored!.Sheet);
    }
}

public sealed record CircularSummary(Guid Id, int Year, DateOnly AsOf, DateTimeOffset KnownAt, long LastSequence, string Rulebook,
    string Sha256, DateTimeOffset IssuedAt, string IssuedBy)
{
    public static CircularSummary Of(Circular c) => new(c.Id, c.Year, c.AsOf, c.KnownAt, c.LastSequence, c.Rulebook, c.Sha256, c.IssuedAt, c.IssuedBy);
}
