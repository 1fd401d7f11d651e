using Hotline.Ledger.Cases;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>
/// A case of the hotline platform behind one or more of the entries, with the case as the ledger knows it
/// from the case feed (every row, its deadlines and D3.1 charges); null when the feed never sent it.
/// </summary>
public sealed record BundleCase(string CaseNumber, IReadOnlyList<Guid> EntryIds, CaseView? Case);
