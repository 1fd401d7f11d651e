using Hotline.Ledger.Cases;
using Hotline.Ledger.Marks;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring.Series;

/// <summary>What changed a subject's score on one business day: an entry counted, a mark given, case counts.</summary>
public sealed record DayChange(DateOnly On, CountedEntry? Entry = null, Mark? Mark = null, CaseCounts? Counts = null);
