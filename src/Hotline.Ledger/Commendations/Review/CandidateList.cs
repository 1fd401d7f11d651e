namespace Hotline.Ledger.Commendations.Review;

public sealed record CandidateList(Guid PlanId, int Year, int UnitQuota, int PersonQuota, IReadOnlyList<Candidate> Units, IReadOnlyList<Candidate> People);
