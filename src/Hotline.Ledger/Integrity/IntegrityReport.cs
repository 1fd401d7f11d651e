using Npgsql;

namespace Hotline.Ledger.Integrity;

public sealed record IntegrityReport(
    bool Valid,
    ChainHead Head,
    long LinksVerified,
    long EventsUnsealed,
    long? FirstBadSequence,
    IReadOnlyList<ChainFault> Faults,
    PublishedCheck? Published,
    ReadModelReport? ReadModels = null);
