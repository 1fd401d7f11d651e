using Hotline.Ledger.Cases;
using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Accountability.Bundle;

/// <summary>
/// A deduction of the subject's year as the ledger holds it now, with whether the approved result counted
/// it, whether it was rescinded after the result was computed, and whether a ground of the referral cites it.
/// </summary>
public sealed record BundleEntry(EntryView Entry, bool CountedInResult, bool RescindedSinceResult, bool CitedByGrounds);
