namespace Hotline.Ledger.Commendations.Plans;

public sealed class RevisePlanValidator : PlanTermsValidator<RevisePlan>;
