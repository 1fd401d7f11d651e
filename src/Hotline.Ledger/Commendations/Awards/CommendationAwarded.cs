namespace Hotline.Ledger.Commendations.Awards;

/// <summary>
/// The city government commends an advanced unit or an advanced individual (S4), under the document
/// that issued the commendations. Starts the commendation's own stream, keyed by plan and subject.
/// </summary>
public sealed record CommendationAwarded(
    Guid CommendationId,
    Guid PlanId,
    int Year,
    string Kind,
    Guid UnitId,
    Guid? PersonId,
    string Name,
    string UnitCode,
    string UnitName,
    string Title,
    string DocumentNumber,
    DateOnly AwardedOn,
    string AwardedBy);
