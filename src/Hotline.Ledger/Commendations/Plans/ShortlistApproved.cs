namespace Hotline.Ledger.Commendations.Plans;

/// <summary>The city government's leader approves the shortlist: these units and people are to be commended.</summary>
public sealed record ShortlistApproved(Guid PlanId, string ApprovedBy);
