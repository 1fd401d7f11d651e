namespace Hotline.Ledger.Web.Api;

/// <summary>The API's codes as the office reads them.</summary>
public static class Words
{
    public static string Status(string? status) => status switch
    {
        "active" => "有效",
        "rescinded" => "已撤销",
        "pending" => "待处理",
        "upheld" => "已支持",
        "rejected" => "已驳回",
        "missing" => "未报送",
        "submitted" => "已报送",
        "late" => "逾期报送",
        "draft" => "草稿",
        "returned" => "已退回",
        "approved" => "已批准",
        null => "",
        _ => status,
    };

    /// <summary>A month's self-check (自查) as the API lists it.</summary>
    public static string SelfCheckStatus(string? status) => status switch
    {
        "onTime" => "按时自查",
        "late" => "逾期自查",
        "missing" => "未自查",
        "open" => "未到期",
        _ => status ?? "",
    };

    public static string Level(string? level) => level == "red" ? "红色预警" : "黄色预警";

    public static string WarningKind(string? kind) => kind switch
    {
        "case" => "办理时限",
        "monthlyReport" => "月度报告",
        "unit" => "单位指标",
        "person" => "个人指标",
        _ => kind ?? "",
    };

    public static string CaseEvent(string? type) => type switch
    {
        "assigned" => "交办",
        "signedFor" => "签收",
        "returned" => "退回",
        "reassigned" => "改派",
        "extensionGranted" => "延期",
        "replied" => "答复",
        "explained" => "说明",
        "completed" => "办结",
        "returnVisit" => "回访",
        "onlineVote" => "网上评议",
        "reopened" => "重办",
        null => "",
        _ => type,
    };

    public static string Source(string? source) => source switch
    {
        "mark" => "评分",
        "computed" => "计算",
        _ => source ?? "",
    };

    /// <summary>What a row of the evidence trail is.</summary>
    public static string TrailRow(string? what) => what switch
    {
        "entry" => "加减分",
        "mark" => "评分",
        "appeal" => "申诉",
        "appealDecision" => "申诉处理",
        _ => what ?? "",
    };

    /// <summary>What kind of read the read audit recorded.</summary>
    public static string ReadKind(string? kind) => kind switch
    {
        "scoreReplay" => "分数查询",
        "evidenceTrail" => "证据链",
        "entry" => "加减分记录",
        "rates" => "指标",
        "export" => "证据包导出",
        "case" => "案件",
        "appeal" => "申诉",
        "referral" => "问责移送",
        _ => kind ?? "",
    };

    /// <summary>An input of a computed criterion.</summary>
    public static string Input(string? input) => input switch
    {
        "completionRate" => "办结率",
        "returnVisitRate" => "回访率",
        "satisfaction" => "满意率",
        "onlineSatisfaction" => "网上评议满意率",
        "replyRate" => "按时答复率",
        "entries" => "记录条数",
        _ => input ?? "",
    };
}
