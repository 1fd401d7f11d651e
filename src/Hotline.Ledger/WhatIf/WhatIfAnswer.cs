using Hotline.Ledger.Approvals;
using System.Text.Json.Nodes;
using Hotline.Ledger.Rulebooks.Drafts;

namespace Hotline.Ledger.WhatIf;

/// <summary>A subject's place under one rulebook: its total, its rank among its kind, its grade band.</summary>
public sealed record Standing(decimal Total, int Rank, string? Grade);

/// <summary>
/// What one clause gives the subject under each rulebook: a criterion's points, or its entries' sum.
/// Null where that rulebook has no such clause; <see cref="Change"/> says whether the draft added, dropped or changed it.
/// </summary>
public sealed record Cause(string Clause, decimal? Current, decimal? Draft, string Change);

public sealed record UnitWhatIf(Guid UnitId, string Code, string Name, Standing Current, Standing Draft, decimal Delta, int RankMove, IReadOnlyList<Cause> Causes);

public sealed record PersonWhatIf(Guid PersonId, string Name, Guid UnitId, Standing Current, Standing Draft, decimal Delta, int RankMove, IReadOnlyList<Cause> Causes);

public sealed record DraftReference(Guid Id, int Version, ApprovalStatus Status, string RulebookId, string Title);

/// <summary>
/// A clause the draft adds, drops or changes, with the number of entries counted under it in the query's
/// year: entries under a dropped clause no longer count, and the answer says how many.
/// </summary>
public sealed record ClauseEffect(string Clause, string Change, string Title, IReadOnlyList<FieldChange> Fields, int Entries, JsonNode? Before, JsonNode? After);

/// <summary>
/// The year replayed under the rulebook in force and under the draft: every unit and person, sorted by
/// their rank under the draft. <c>delta</c> is draft minus current; <c>rankMove</c> is positive for a rise.
/// </summary>
public sealed record WhatIfAnswer(
    int Year,
    DateOnly AsOf,
    DateTimeOffset KnownAt,
    string Rulebook,
    DraftReference Draft,
    IReadOnlyList<ClauseEffect> Changes,
    IReadOnlyList<UnitWhatIf> Units,
    IReadOnlyList<PersonWhatIf> People);
