namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>A computed sheet an evaluation points at, with the query that produced it (stored as <see cref="Sheets.StoredSheet"/>).</summary>
public sealed record SheetComputed(Guid SheetId, string Sha256, DateOnly AsOf, DateTimeOffset KnownAt, long LastSequence, string Rulebook, string? Digest);
