using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Commendations.Applications;

public sealed record NominationRequest(Guid PersonId, string Deeds, IReadOnlyList<EvidenceItem>? Evidence);
