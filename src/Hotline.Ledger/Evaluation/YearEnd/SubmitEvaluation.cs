using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>The body of submit and approve, which may be empty: an override is needed only for an incomplete evaluation.</summary>
public sealed record SubmitEvaluation(CompletenessOverride? Override);
