using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>A unit of the sheet with months of the year for which no work report was received at all.</summary>
public sealed record MissingReports(Guid UnitId, string Code, string Name, IReadOnlyList<string> Months);
