using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Marks;

/// <summary>
/// An assessor's points on a criterion for a subject and year. A later mark by the same scorer
/// supersedes an earlier one; nothing is edited. Starts the mark's own stream. <see cref="AppealId"/>
/// names the upheld appeal that re-marked the criterion, if one did.
/// </summary>
public sealed record MarkRecorded(
    Guid MarkId,
    string Rulebook,
    int Year,
    string Clause,
    SubjectKind SubjectKind,
    Guid SubjectId,
    decimal Points,
    string Reason,
    string Scorer,
    DateOnly MarkedOn,
    Guid? AppealId = null);
