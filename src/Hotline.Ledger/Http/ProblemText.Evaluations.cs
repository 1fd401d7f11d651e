namespace Hotline.Ledger.Http;

public static partial class ProblemText
{
    // Approval steps (evaluations, commendation plans, rulebook drafts), circulars and the year-end evaluation.
    private static readonly Dictionary<string, (string Zh, string En)> Evaluations = new()
    {
        ["approval.stepAt"] = ("{0}（{1}）", "{0} by {1}"),
        ["approval.stepAt.earlier"] = ("此前", "an earlier time"),
        ["approval.withLeadership"] = ("该{0}已报送领导（报送于 {1}）；须先由领导退回（POST {2}/return）。",
            "The {0} is with the leadership (submitted at {1}); a leader must return it first (POST {2}/return)."),
        ["approval.alreadySubmitted"] = ("该{0}已于 {1} 报送；须先由领导批准或退回。",
            "The {0} was already submitted at {1}; a leader approves it or returns it first."),
        ["approval.draft"] = ("该{0}仍是草稿；须先由办公室报送（POST {1}/submit）。",
            "The {0} is a draft; the office must submit it first (POST {1}/submit)."),
        ["approval.returned"] = ("该{0}已于 {1} 被退回；须先由办公室重新报送（POST {2}/submit）。",
            "The {0} was returned at {1}; the office must submit it again first (POST {2}/submit)."),
        ["approval.cannotFollow"] = ("该{0}的状态为 {1}，不能进行“{2}”。", "The {0} is {1}; '{2}' cannot follow."),
        ["approval.comments.length"] = ("“comments”写明需要修改的内容（1 到 4000 个字符）。", "'comments' say what the office must change."),
        ["text.control"] = ("文本中不得含控制字符（如 NUL）。", "Control characters (such as NUL) are not accepted in text."),

        ["evaluation.approved"] = ("{0} 年年终考评已于 {1} 由 {2} 审定；结果为最终结果，不再改变。",
            "The {0} evaluation was approved at {1} by {2}; it is final and frozen."),
        ["evaluation.changed"] = ("分数计算于 {0}，此后{1}；请先重算（POST {2}）。",
            "Since the scores were computed at {0}, {1}; recompute first (POST {2})."),
        ["evaluation.changedSince.entry"] = ("当年有条目被记录或撤销", "an entry of the year was recorded or rescinded"),
        ["evaluation.changedSince.mark"] = ("当年有指标被评分", "a criterion of the year was marked"),
        ["evaluation.changedSince.unit"] = ("有新单位登记", "a unit was registered"),
        ["evaluation.changedSince.person"] = ("有新人员登记", "a person was registered"),
        ["evaluation.appealsPending"] = ("针对 {1} 年结果的申诉尚有 {0} 件未决定（{2}）；请先决定（POST /api/appeals/{{id}}/decision）。",
            "{0} appeal(s) against {1} results are pending ({2}); decide them first (POST /api/appeals/{{id}}/decision)."),
        ["integrity.failed.title"] = ("账本最近一次完整性校验未通过", "The ledger failed its last integrity verification"),
        ["integrity.failed"] = ("账本最近一次完整性校验未通过（{0}）：{1} 在修复并重新校验（GET /api/integrity?readModels=true）之前不得发布。",
            "The last integrity verification ({0}) failed: {1} Repair it and verify again (GET /api/integrity?readModels=true) before publishing."),
        ["noun.evaluation"] = ("年终考评", "evaluation"),
        ["noun.plan"] = ("表彰方案", "plan"),
        ["noun.rulebookDraft"] = ("考评办法草案", "rulebook draft"),
        ["text.control.line"] = ("文本中不得含控制字符（如 NUL）（第 {0} 行）。", "Control characters (such as NUL) are not accepted in text (line {0})."),
    };
}
