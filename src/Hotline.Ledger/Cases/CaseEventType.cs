namespace Hotline.Ledger.Cases;

/// <summary>The steps of a hotline case as the platform reports them (API.md, "The case feed").</summary>
public enum CaseEventType
{
    Assigned,           // 交办
    SignedFor,          // 签收
    Returned,           // 退单
    Reassigned,         // 改派
    ExtensionRequested, // 申请延期
    ExtensionGranted,   // 延期
    Replied,            // 答复
    Explained,          // 说明原因
    Completed,          // 办结
    ReturnVisit,        // 回访
    OnlineVote,         // 网上评议
    Reopened,           // 重办
}

/// <summary>A return visit's or an online vote's result.</summary>
public enum CaseResult { Satisfied, BasicallySatisfied, Dissatisfied, Unreached }
