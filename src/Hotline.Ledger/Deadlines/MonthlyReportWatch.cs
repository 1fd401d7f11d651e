using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Deadlines;

/// <summary>How far a unit's monthly reports have been judged: a bookmark, not a fact.</summary>
public sealed class MonthlyReportWatch
{
    public Guid Id { get; set; }
    public string JudgedThrough { get; set; } = "";
}
