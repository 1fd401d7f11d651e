namespace Hotline.Ledger.Notices;

/// <summary>What a notice is about: the codes subscriptions name, each with its Chinese label.</summary>
public static class NoticeKinds
{
    // One line per thing a notice is about: a deadline, a warning, an entry, an appeal, the year-end evaluation, the
    // commendation plan, a referral.
    public const string ReplyDueSoon = "replyDueSoon", ReportDueSoon = "reportDueSoon";
    public const string WarningRed = "warningRed";
    public const string EntryRecorded = "entryRecorded", EntryRescinded = "entryRescinded";
    public const string AppealDecided = "appealDecided";
    public const string EvaluationReturned = "evaluationReturned", EvaluationApproved = "evaluationApproved";
    public const string PlanReturned = "planReturned", PlanApproved = "planApproved";
    public const string ReferralMade = "referralMade";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [ReplyDueSoon] = "交办事项回复期限将至",
        [ReportDueSoon] = "月度工作情况通报期限将至",
        [WarningRed] = "红色预警",
        [EntryRecorded] = "加减分已记录",
        [EntryRescinded] = "加减分已撤销",
        [AppealDecided] = "申诉已决定",
        [EvaluationReturned] = "年度考评意见被退回",
        [EvaluationApproved] = "年度考评结果已批准",
        [PlanReturned] = "表彰方案被退回",
        [PlanApproved] = "表彰方案已批准",
        [ReferralMade] = "已移送问责",
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)Labels.Keys;

    /// <summary>
    /// Notices about the whole city rather than one unit: the approvals are public to every unit's
    /// subscription of that kind; the returns are the office's own business.
    /// </summary>
    public static bool IsPublic(string kind) => kind is EvaluationApproved or PlanApproved;
}
