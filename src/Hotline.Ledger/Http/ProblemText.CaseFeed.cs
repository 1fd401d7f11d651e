namespace Hotline.Ledger.Http;

public static partial class ProblemText
{
    // The case feed: files, batches and the faults of single rows (JSON and CSV).
    private static readonly Dictionary<string, (string Zh, string En)> CaseFeed = new()
    {
        ["caseFeed.events.count"] = ("“events”每批 1 到 {0} 行。", "'events' holds 1 to {0} rows per batch."),
        ["caseFeed.events.required"] = ("“events”必填：平台数据行的列表。", "'events' is required: a list of platform rows."),
        ["caseFeed.row.empty"] = ("该行为空。", "The row is empty."),
        ["caseFeed.eventId.required"] = ("“eventId”必填：平台自身为该行给出的 id。", "'eventId' is required: the platform's own id of the row."),
        ["caseFeed.eventId.length"] = ("“eventId”最多 100 个字符。", "'eventId' holds at most 100 characters."),
        ["caseFeed.caseNumber.required"] = ("“caseNumber”必填。", "'caseNumber' is required."),
        ["caseFeed.caseNumber.length"] = ("“caseNumber”最多 64 个可打印字符。", "'caseNumber' holds at most 64 printable characters."),
        ["caseFeed.type.required"] = ("“type”必填。", "'type' is required."),
        ["caseFeed.type.unknown"] = ("“{0}”不是案件事件类型；可选类型为 {1}。", "'{0}' is not a case event type; the types are {1}."),
        ["caseFeed.at.before2000"] = ("“at”早于 2000 年。", "'at' lies before 2000."),
        ["caseFeed.at.future"] = ("“at”晚于现在（账本时钟为 {0}）。", "'at' lies in the future (the ledger's clock reads {0})."),
        ["caseFeed.due.notAllowed"] = ("期限时刻只用于 assigned、reassigned 和 extensionGranted 行。", "Due instants belong to assigned, reassigned and extensionGranted rows."),
        ["caseFeed.extension.dueRequired"] = ("extensionGranted 行须给出新的“replyDueAt”、“completionDueAt”或两者。", "An extensionGranted row gives the new 'replyDueAt', 'completionDueAt' or both."),
        ["caseFeed.due.beforeAt"] = ("“{0}”须晚于“at”。", "'{0}' must come after 'at'."),
        ["caseFeed.result.returnVisit"] = ("returnVisit 行的“result”为 satisfied、basicallySatisfied、dissatisfied 或 unreached。", "A returnVisit row's 'result' is satisfied, basicallySatisfied, dissatisfied or unreached."),
        ["caseFeed.result.onlineVote"] = ("onlineVote 行的“result”为 satisfied 或 dissatisfied。", "An onlineVote row's 'result' is satisfied or dissatisfied."),
        ["caseFeed.result.notAllowed"] = ("“result”只用于 returnVisit 和 onlineVote 行。", "'result' belongs to returnVisit and onlineVote rows."),
        ["caseFeed.instant.required"] = ("“{0}”必填：ISO-8601 时刻，例如 2020-05-10T09:30:00Z。", "'{0}' is required: an ISO-8601 instant such as 2020-05-10T09:30:00Z."),
        ["caseFeed.instant.format"] = ("“{0}”须为带“Z”或时区偏移的 ISO-8601 时刻，例如 2020-05-10T09:30:00Z。", "'{0}' must be an ISO-8601 instant with 'Z' or an offset, such as 2020-05-10T09:30:00Z."),
        ["caseFeed.id.required"] = ("该行须填“{0}”。", "'{0}' is required on this row."),
        ["caseFeed.id.format"] = ("“{0}”须为 id，例如 3f2504e0-4f89-11d3-9a0c-0305e82c3301。", "'{0}' must be an id such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301."),
        ["caseFeed.unitId.unknown"] = ("没有 id 为“{0}”的单位。", "There is no unit with id '{0}'."),
        ["caseFeed.personId.unknown"] = ("没有 id 为“{0}”的人员。", "There is no person with id '{0}'."),
        ["caseFeed.personId.otherUnit"] = ("该人员在 {1} 不属于单位“{0}”。", "The person did not belong to unit '{0}' on {1}."),
        ["caseFeed.csv.empty"] = ("文件为空：第一行须列出各列名称。", "The file is empty: the first line names the columns."),
        ["caseFeed.csv.unknownColumns"] = ("未知的列 {0}；可用的列为 {1}。", "Unknown column(s) {0}; the columns are {1}."),
        ["caseFeed.csv.columnTwice"] = ("列“{0}”出现了两次。", "The column '{0}' appears twice."),
        ["caseFeed.csv.missingColumns"] = ("缺少列 {0}。", "Missing column(s) {0}."),
        ["caseFeed.csv.cellCount"] = ("该行有 {0} 个单元格；表头有 {1} 个。", "The row has {0} cells; the header has {1}."),
        ["caseFeed.csv.notUtf8"] = ("文件不是 UTF-8 文本。", "The file is not UTF-8 text."),
        ["caseFeed.csv.noRows"] = ("文件只有表头，没有数据行。", "The file has a header but no rows."),
        ["caseFeed.csv.tooManyRows"] = ("每个文件最多 {0} 行；其余请另行发送。", "A file holds at most {0} rows; send the rest in another."),
    };
}
