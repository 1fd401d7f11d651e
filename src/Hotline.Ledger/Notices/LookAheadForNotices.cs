using Hotline.Ledger.Cases;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Rulebooks;
using Wolverine;
using Wolverine.Attributes;

namespace Hotline.Ledger.Notices;

/// <summary>
/// "Warn of every deadline close at hand, as of now." Scheduled durably for each new reply deadline (its
/// lead time before it, and the deadline itself), recurring on <see cref="NoticeOptions.LookAheadCron"/>.
/// It reads the injected clock, so a firing early, late or twice is harmless.
/// </summary>
public sealed record LookAheadForNotices;
