using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

/// <summary>A criterion's points; a computed one (<c>source: "computed"</c>) shows the inputs that produced them.</summary>
public sealed record CriterionScore(string Clause, string Title, decimal MaxPoints, decimal? Points, string Source, int Marks,
    IReadOnlyList<CriterionInput>? Inputs = null);
