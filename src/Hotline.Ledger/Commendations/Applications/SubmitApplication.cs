using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Commendations.Applications;

/// <summary>
/// A unit's application: <see cref="SeeksUnitCommendation"/> defaults to whether the plan has places
/// for advanced units; <see cref="Nominations"/> may be empty.
/// </summary>
public sealed record SubmitApplication(
    Guid UnitId,
    string SelfEvaluation,
    bool? SeeksUnitCommendation,
    IReadOnlyList<EvidenceItem>? Evidence,
    IReadOnlyList<NominationRequest>? Nominations);
