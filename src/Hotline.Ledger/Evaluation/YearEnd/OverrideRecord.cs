using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>An override as recorded: who went on, at which step, why, and what was missing then.</summary>
public sealed record OverrideRecord(string Step, DateTimeOffset At, string By, string Reason, Completeness Missing);
