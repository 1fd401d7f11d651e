using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>The office's or the leader's explicit choice to go on with an incomplete evaluation, and why.</summary>
public sealed record CompletenessOverride(string Reason);
