using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>A unit or person of the sheet with criteria nobody has marked: they score nothing on them.</summary>
public sealed record UnmarkedCriteria(string Kind, Guid SubjectId, string Name, IReadOnlyList<string> Clauses);
