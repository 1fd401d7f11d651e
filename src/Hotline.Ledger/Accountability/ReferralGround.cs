using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Accountability;

/// <summary>
/// Why a unit or individual is referred: <c>clause</c> — deductions under a serious clause (D2, D3.2);
/// <c>threshold</c> — the year's deductions reach the rulebook's threshold. <see cref="Points"/> is the
/// signed sum of the deductions the ground rests on; <see cref="EntryIds"/> are those entries.
/// </summary>
public sealed record ReferralGround(string Kind, string? Clause, decimal Points, IReadOnlyList<Guid> EntryIds);
