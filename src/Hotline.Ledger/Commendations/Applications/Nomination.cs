using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Commendations.Applications;

/// <summary>An individual a unit nominates, with the deeds (事迹) and the materials that show them.</summary>
public sealed record Nomination(Guid PersonId, string Name, string Deeds, IReadOnlyList<EvidenceItem> Evidence);
