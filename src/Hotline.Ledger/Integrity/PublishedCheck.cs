using Npgsql;

namespace Hotline.Ledger.Integrity;

/// <summary>
/// A digest printed on a published result — at a chain position, or through a last sequence as circulars
/// and year-end tables print it — checked against the chain as it is recomputed now.
/// </summary>
public sealed record PublishedCheck(long? Position, long? Sequence, string Digest, string? Recomputed, bool Matches);
