namespace Hotline.Ledger.Appeals;

/// <summary>
/// The office's decision: <c>upheld</c> or <c>rejected</c>, with its reason. An upheld appeal may give
/// <see cref="CorrectedPoints"/> (a magnitude, as on an entry): the entry is then re-recorded with them,
/// or a contested marked criterion re-marked.
/// </summary>
public sealed record DecideAppeal(string Outcome, string Reason, decimal? CorrectedPoints);
