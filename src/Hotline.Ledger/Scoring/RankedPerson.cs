using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Scoring;

public sealed record RankedPerson(int Rank, Guid PersonId, string Name, Guid UnitId, decimal Total,
    decimal CriteriaTotal, decimal BonusTotal, decimal DeductionTotal);
