namespace Hotline.Ledger.SelfChecks;

public sealed record SelfAssessedCriterion(string Clause, decimal MaxPoints, decimal? OfficePoints, decimal? SelfPoints, decimal? Gap, string? Note);
