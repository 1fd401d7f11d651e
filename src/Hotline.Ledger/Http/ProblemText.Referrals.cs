namespace Hotline.Ledger.Http;

public static partial class ProblemText
{
    // Accountability referrals.
    private static readonly Dictionary<string, (string Zh, string En)> Referrals = new()
    {
        ["referral.made.title"] = ("问责移送已完成", "Referrals already made"),
        ["referral.made"] = ("{0} 年的问责移送已于 {1} 由 {2} 完成（{3} 件）；其依据的审定结果已冻结，没有新的可移送。", "The {0} referrals were made at {1} by {2} ({3} referral(s)); the approved result they rest on is frozen, so there is nothing new to refer."),
    };
}
