using Npgsql;

namespace Hotline.Ledger.Integrity;

/// <summary>The first thing wrong, by event sequence.</summary>
public sealed record ChainFault(long Sequence, long? Position, string Problem);
