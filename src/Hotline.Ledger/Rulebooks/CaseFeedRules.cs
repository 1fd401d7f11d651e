namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// The parts of a rulebook that the case feed and the monthly reports need (ADR 0021, ADR 0024):
/// how much a "basically satisfied" return visit weighs in the satisfaction rate, and by which day of
/// the following month a month's work report is due (end of that day, office calendar).
/// </summary>
public sealed record CaseFeedRules(decimal BasicallySatisfiedWeight, int MonthlyReportDueDay);
