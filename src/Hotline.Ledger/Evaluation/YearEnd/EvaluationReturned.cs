namespace Hotline.Ledger.Evaluation.YearEnd;

/// <summary>A leader sends the opinion back with comments; the office may change it and submit it again.</summary>
public sealed record EvaluationReturned(Guid EvaluationId, string Comments, string ReturnedBy);
