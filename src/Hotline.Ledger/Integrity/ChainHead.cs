using Npgsql;

namespace Hotline.Ledger.Integrity;

/// <summary>The chain's last link: what a published result prints so that a later alteration is caught against the printed copy.</summary>
public sealed record ChainHead(long Position, long Sequence, string Digest);
