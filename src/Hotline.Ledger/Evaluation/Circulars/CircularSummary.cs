namespace Hotline.Ledger.Evaluation.Circulars;

public sealed record CircularSummary(Guid Id, int Year, DateOnly AsOf, DateTimeOffset KnownAt, long LastSequence, string Rulebook,
    string Sha256, DateTimeOffset IssuedAt, string IssuedBy)
{
    public static CircularSummary Of(Circular c) => new(c.Id, c.Year, c.AsOf, c.KnownAt, c.LastSequence, c.Rulebook, c.Sha256, c.IssuedAt, c.IssuedBy);
}
