using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.YearEnd;

public sealed record ApproveEvaluation(CompletenessOverride? Override);
