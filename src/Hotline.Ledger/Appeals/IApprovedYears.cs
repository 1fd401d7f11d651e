namespace Hotline.Ledger.Appeals;

/// <summary>
/// Whether a year's result is approved, which closes the year to appeals. The year-end evaluation answers
/// it: it sits above the appeals, since its approval waits for the pending ones.
/// </summary>
public interface IApprovedYears
{
    Task<ApprovedYear?> ApprovedFor(IQuerySession session, int year);
}
