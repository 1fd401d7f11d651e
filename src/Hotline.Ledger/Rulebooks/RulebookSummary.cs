namespace Hotline.Ledger.Rulebooks;

public sealed record RulebookSummary(string Id, string Title, DateOnly EffectiveFrom, int ClauseCount);
