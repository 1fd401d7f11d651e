namespace Hotline.Ledger.Rulebooks;

public static class CaseFeedRulesOf
{
    /// <summary>What a rulebook without case-feed settings uses (the xinyang-2019 values, ADR 0021 and ADR 0024).</summary>
    public static readonly CaseFeedRules Default = new(0.9m, 5);

    public static CaseFeedRules CaseFeedOrDefault(this Rulebook rulebook) => rulebook.CaseFeed ?? Default;
}
