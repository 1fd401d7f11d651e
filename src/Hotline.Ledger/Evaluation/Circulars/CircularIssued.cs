namespace Hotline.Ledger.Evaluation.Circulars;

/// <summary>
/// The office issues a half-year circular (通报, M2). Starts the circular's stream. The computed table
/// is stored beside it (<see cref="Sheets.StoredSheet"/>, same id) and pinned by <see cref="Sha256"/>.
/// </summary>
public sealed record CircularIssued(
    Guid CircularId,
    int Year,
    DateOnly AsOf,
    DateTimeOffset KnownAt,
    long LastSequence,
    string Rulebook,
    string? Digest,
    string Sha256,
    string IssuedBy);
