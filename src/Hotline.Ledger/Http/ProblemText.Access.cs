namespace Hotline.Ledger.Http;

public static partial class ProblemText
{
    // Who may ask: 401, 403, the liaison's scope, request edges and idempotency keys.
    private static readonly Dictionary<string, (string Zh, string En)> Access = new()
    {
        ["http.400.title"] = ("请求无效", "Bad request"),
        ["http.401.title"] = ("未认证", "Unauthorized"),
        ["http.403.title"] = ("无权访问", "Forbidden"),
        ["http.404.title"] = ("未找到", "Not found"),
        ["http.409.title"] = ("与账本现状冲突", "Conflict"),
        ["http.413.title"] = ("请求体过大", "Request body too large"),
        ["http.415.title"] = ("缺少 Content-Type", "Content-Type required"),
        ["auth.forbidden"] = ("此令牌无权执行此操作。", "This token may not do this."),
        ["auth.forbidden.noUser"] = ("令牌未指明用户；账本记录每一项操作的执行人，不接受匿名令牌。", "The token names no user; the ledger records who does everything, so it admits no one unnamed."),
        ["auth.forbidden.noRow"] = ("{0} {1} 在访问矩阵中没有对应行，在添加之前拒绝所有人（src/Hotline.Ledger/Security/AccessMatrix.cs）。", "{0} {1} has no row in the access matrix, so it is refused to everyone until one is added (src/Hotline.Ledger/Security/AccessMatrix.cs)."),
        ["auth.forbidden.role"] = ("{0} {1} 仅向 {2} 开放；此令牌不具备其中任何角色。", "{0} {1} is open to {2}; this token holds none of them."),
        ["auth.forbidden.noUnit"] = ("此令牌限于一个单位，但未指明单位（没有“unit”声明）。", "This token is confined to one unit but names none (no 'unit' claim)."),
        ["auth.forbidden.unknownUnit"] = ("此令牌指明的单位“{0}”未登记。", "The unit '{0}' named by this token is not registered."),
        ["auth.forbidden.otherUnit"] = ("单位“{0}”的联络员只能查看本单位及其人员。", "A liaison of unit '{0}' sees only that unit and its people."),
        ["auth.forbidden.draftScorecard"] = ("按考评办法草案计算的计分卡仅向 {0} 开放。", "A scorecard under a draft rulebook is open to {0} only."),
        ["auth.unauthenticated.noToken"] = ("请发送令牌：“Authorization: Bearer <令牌>”（见 README“Tokens”）。", "Send a bearer token: 'Authorization: Bearer <token>' (README, \"Tokens\")."),
        ["auth.unauthenticated.expired"] = ("令牌已过期。", "The bearer token has expired."),
        ["auth.unauthenticated.notYetValid"] = ("令牌尚未生效。", "The bearer token is not valid yet."),
        ["auth.unauthenticated.refused"] = ("令牌被拒绝：其签名、签发者或受众与配置不符。", "The bearer token was refused: its signature, issuer or audience is not the one configured."),
        ["auth.unauthenticated.claim"] = ("令牌的“{0}”声明{1}；账本将其记为操作人，因此拒绝。", "The bearer token's '{0}' claim {1}; the ledger records it as who acted, so it is refused."),
        ["identity.blank"] = ("为空", "is blank"),
        ["identity.tooLong"] = ("有 {0} 个字符，最多接受 {1} 个", "holds {0} characters; at most {1} are accepted"),
        ["identity.control"] = ("含控制字符 {0}", "holds the control character {0}"),
        ["identity.invisible"] = ("含不可见字符 {0}", "holds the invisible character {0}"),
        ["identity.whitespace"] = ("首尾有空白", "begins or ends with white space"),
        ["request.tooLarge"] = ("此路由最多接受 {0} 字节；请求声明了 {1} 字节。", "This route takes at most {0} bytes; the request declares {1}."),
        ["route.notFound.emptyId"] = ("没有任何记录的 id 为空 id。", "Nothing has the empty id."),
        ["request.contentType.required"] = ("请求正文必须注明 Content-Type（application/json，或 CSV 导入用 text/csv）。", "The request body has no Content-Type: send application/json (text/csv for the CSV case feed)."),
        ["idempotency.key.length.title"] = ("Idempotency-Key 无效", "Invalid Idempotency-Key"),
        ["idempotency.key.length"] = ("Idempotency-Key 头须为 1 到 200 个字符。", "The Idempotency-Key header must hold 1 to 200 characters."),
        ["idempotency.busy.title"] = ("Idempotency-Key 冲突", "Idempotency-Key conflict"),
        ["idempotency.busy"] = ("使用此 Idempotency-Key 的请求仍在处理中；请稍后重发。", "A request with this Idempotency-Key is still being processed; send it again shortly."),
        ["idempotency.incomplete.title"] = ("Idempotency-Key 冲突", "Idempotency-Key conflict"),
        ["idempotency.incomplete"] = ("使用此 Idempotency-Key 的首个请求未完成；请重发。", "The first request with this Idempotency-Key did not complete; send it again."),
        ["idempotency.reused.title"] = ("Idempotency-Key 冲突", "Idempotency-Key conflict"),
        ["idempotency.reused"] = ("此 Idempotency-Key 已用于另一个不同的请求。", "This Idempotency-Key was already used with a different request."),
    };
}
