using Hotline.Ledger.Appeals;

namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>A year is closed to appeals once its year-end evaluation is approved.</summary>
public sealed class ApprovedEvaluations : IApprovedYears
{
    public async Task<ApprovedYear?> ApprovedFor(IQuerySession session, int year) =>
        await YearEndEvaluations.ApprovedFor(session, year) is { } approved ? new ApprovedYear(approved.Id, approved.ApprovedAt) : null;
}
