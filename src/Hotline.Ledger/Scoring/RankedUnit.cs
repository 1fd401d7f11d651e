using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

public sealed record RankedUnit(int Rank, Guid UnitId, string Code, string Name, decimal Total,
    decimal CriteriaTotal, decimal BonusTotal, decimal DeductionTotal);
