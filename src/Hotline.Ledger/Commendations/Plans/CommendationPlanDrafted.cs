namespace Hotline.Ledger.Commendations.Plans;

/// <summary>
/// The office drafts the commendation plan from the year's approved year-end result (S1). Starts the
/// plan's stream; the result is pinned by its evaluation, sheet and the sheet's SHA-256.
/// </summary>
public sealed record CommendationPlanDrafted(
    Guid PlanId,
    int Year,
    Guid EvaluationId,
    Guid SheetId,
    string SheetSha256,
    string Rulebook,
    PlanTerms Terms,
    PlanRules Rules,
    string DraftedBy);

/// <summary>The office changes the terms (after a return, or before submitting).</summary>
public sealed record CommendationPlanRevised(Guid PlanId, PlanTerms Terms, string RevisedBy);

public sealed record CommendationPlanSubmitted(Guid PlanId, string SubmittedBy);

public sealed record CommendationPlanReturned(Guid PlanId, string Comments, string ReturnedBy);

/// <summary>A leader approves the plan: its terms are final and units may apply within the window.</summary>
public sealed record CommendationPlanApproved(Guid PlanId, string ApprovedBy);

/// <summary>One name on the shortlist, with the figures of the approved result it was chosen on.</summary>
public sealed record ShortlistPick(
    string Kind,
    Guid SubjectId,
    Guid UnitId,
    string Name,
    string UnitCode,
    string UnitName,
    int Rank,
    decimal Total,
    string? Grade,
    string? Reason);

/// <summary>The office's shortlist after reviewing the applications (S3); a later draft replaces it.</summary>
public sealed record ShortlistDrafted(Guid PlanId, IReadOnlyList<ShortlistPick> Units, IReadOnlyList<ShortlistPick> People, string DraftedBy);

public sealed record ShortlistSubmitted(Guid PlanId, string SubmittedBy);

public sealed record ShortlistReturned(Guid PlanId, string Comments, string ReturnedBy);

/// <summary>The city government's leader approves the shortlist: these units and people are to be commended.</summary>
public sealed record ShortlistApproved(Guid PlanId, string ApprovedBy);

/// <summary>
/// The commendations were issued (S4) under <see cref="DocumentNumber"/> on <see cref="AwardedOn"/>;
/// each is a <see cref="Awards.CommendationAwarded"/> of its own, appended in the same transaction.
/// </summary>
public sealed record CommendationsIssued(Guid PlanId, string DocumentNumber, DateOnly AwardedOn, IReadOnlyList<Guid> CommendationIds, string IssuedBy);
