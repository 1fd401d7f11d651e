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
}
