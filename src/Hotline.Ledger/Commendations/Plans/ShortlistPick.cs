namespace Hotline.Ledger.Commendations.Plans;

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
