namespace Hotline.Ledger.Rulebooks;

public static class ScoringInputs
{
    public const string Entries = "entries";

    public const string CompletionRate = "completionRate";
    public const string ReturnVisitRate = "returnVisitRate";
    public const string Satisfaction = "satisfaction";
    public const string OnlineSatisfaction = "onlineSatisfaction";
    public const string ReplyRate = "replyRate";

    /// <summary>The case rates a part may score (ADR 0021 defines them).</summary>
    public static readonly IReadOnlySet<string> Rates = new HashSet<string>(StringComparer.Ordinal)
    {
        CompletionRate, ReturnVisitRate, Satisfaction, OnlineSatisfaction, ReplyRate,
    };

    /// <summary>Where a computed criterion takes its inputs from.</summary>
    public const string FromCases = "cases";
    public const string FromLedger = "ledger";
}
