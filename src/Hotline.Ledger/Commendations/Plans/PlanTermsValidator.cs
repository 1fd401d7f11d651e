namespace Hotline.Ledger.Commendations.Plans;

public abstract class PlanTermsValidator<T> : AbstractValidator<T> where T : IPlanTermsRequest
{
    protected PlanTermsValidator()
    {
        RuleFor(x => x.Scope).NotEmpty().MaximumLength(2000).WithErrorCode("plan.scope.length");
        RuleFor(x => x.UnitQuota).InclusiveBetween(0, 1000).WithErrorCode("plan.unitQuota.outOfRange");
        RuleFor(x => x.PersonQuota).InclusiveBetween(0, 10000).WithErrorCode("plan.personQuota.outOfRange");
        RuleFor(x => x.UnitQuota).Must((x, units) => units + x.PersonQuota > 0)
            .WithErrorCode("plan.quota.none");
        RuleFor(x => x.OpensOn).NotEmpty().WithErrorCode("plan.opensOn.required");
        RuleFor(x => x.ClosesOn).NotEmpty().WithErrorCode("plan.closesOn.required");
        RuleFor(x => x.ClosesOn).Must((x, closes) => closes >= x.OpensOn).WithErrorCode("plan.closesOn.beforeOpensOn");
        RuleFor(x => x.NominationsPerUnit).InclusiveBetween(1, 50).When(x => x.NominationsPerUnit is not null)
            .WithErrorCode("plan.nominationsPerUnit.outOfRange");
    }
}
