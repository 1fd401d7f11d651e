using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

/// <summary>A subject's entries at a point on both clocks, summed: what a ranking needs of them.</summary>
public sealed record EntrySums(Guid SubjectId, decimal Bonus, decimal Deduction);
