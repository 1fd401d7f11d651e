using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Commendations.Applications;

/// <summary>An individual a unit nominates, with the deeds (事迹) and the materials that show them.</summary>
public sealed record Nomination(Guid PersonId, string Name, string Deeds, IReadOnlyList<EvidenceItem> Evidence);

/// <summary>
/// A unit's application under a plan (S2): its self-evaluation, whether it seeks commendation as an
/// advanced unit (with its deed materials), and its nominations. A resubmission inside the window is
/// another event on the same (plan, unit) stream; the latest stands, the earlier stay on record.
/// </summary>
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    Guid PlanId,
    int Year,
    Guid UnitId,
    string UnitCode,
    string UnitName,
    string SelfEvaluation,
    bool SeeksUnitCommendation,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<Nomination> Nominations,
    string SubmittedBy);
