namespace Hotline.Ledger.Entries;

public sealed record EvidenceItem(string Title, string Reference, string? Sha256);

/// <summary>
/// A bonus or deduction, recorded once and never edited. Starts the entry's own stream, so that
/// an entry that credits both a unit and a person is one fact counted once for each.
/// <see cref="Points"/> is signed: deductions are negative.
/// </summary>
public sealed record EntryRecorded(
    Guid EntryId,
    string Rulebook,
    string Clause,
    Guid UnitId,
    Guid? PersonId,
    DateOnly OccurredOn,
    decimal Points,
    string Reason,
    IReadOnlyList<EvidenceItem> Evidence,
    string? CaseNumber,
    string RecordedBy,
    bool Automatic = false,
    string? Month = null,
    Guid? AppealId = null);

/// <summary>The compensating event: the entry stops counting from the instant this is recorded.</summary>
public sealed record EntryRescinded(Guid EntryId, string Reason, string RescindedBy, Guid? AppealId = null);
