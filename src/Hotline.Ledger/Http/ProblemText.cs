namespace Hotline.Ledger.Http;

/// <summary>
/// The message catalogue: every rule the API refuses by has a stable code (what scripts read) and its
/// wording in Chinese (the default) and English. Arguments are placed with {0}, {1}… in both.
/// </summary>
public static partial class ProblemText
{
    public static string Of(string code, params object?[] args) => In(ProblemLanguage.IsEnglish, code, args);

    /// <summary>The rule worded in English or Chinese, whatever the request's language (e.g. a start-up fault in both).</summary>
    public static string In(bool english, string code, params object?[] args)
    {
        if (!Catalogue.TryGetValue(code, out var text)) return code;
        return string.Format(CultureInfo.InvariantCulture, english ? text.En : text.Zh, args.Select(a => Show(a, english)).ToArray());
    }

    public static bool Knows(string code) => Catalogue.ContainsKey(code);

    /// <summary>Every code with its two wordings, for the test that walks the catalogue.</summary>
    public static IEnumerable<(string Code, string Zh, string En)> Entries => Catalogue.Select(e => (e.Key, e.Value.Zh, e.Value.En));

    // The catalogue is kept in one file per area (ProblemText.*.cs); a code given twice is a mistake found at start-up.
    private static Dictionary<string, (string Zh, string En)>? _catalogue;

    private static Dictionary<string, (string Zh, string En)> Catalogue => _catalogue ??= Merge(
        Core, Registry, Evaluations, Commendations, Referrals, CaseFeed, RulebookTexts, Access, Tenancy);

    private static Dictionary<string, (string Zh, string En)> Merge(params Dictionary<string, (string Zh, string En)>[] parts)
    {
        var all = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal);
        foreach (var (code, text) in parts.SelectMany(p => p))
            if (!all.TryAdd(code, text)) throw new InvalidOperationException($"The problem code '{code}' is in the catalogue twice.");
        return all;
    }

    // Dates read as dates and instants as instants, whatever the culture of the request; a refusal given as an
    // argument (a part of a rulebook, a kind of clause) is worded in the same language.
    private static object? Show(object? arg, bool english) => arg switch
    {
        Refusal r => In(english, r.Code, r.Args),
        // A status reads as the word it is stored and answered by ("draft"), never its C# name ("Draft").
        Enum status => StatusWord.Of(status),
        IReadOnlyList<string> words => StatusWord.List(words, english),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        _ => arg,
    };

    /// <summary>The Chinese name of a thing the API speaks of ("unit" → 单位).</summary>
    public static string Noun(string what) => ProblemLanguage.IsEnglish ? what : Nouns.GetValueOrDefault(what, what);

    private static readonly Dictionary<string, string> Nouns = new()
    {
        ["entry"] = "条目", ["unit"] = "单位", ["person"] = "人员", ["mark"] = "评分", ["appeal"] = "申诉",
        ["circular"] = "通报", ["evaluation"] = "年终考评", ["spot check"] = "抽查", ["self-check"] = "自查",
        ["plan"] = "表彰方案", ["commendation plan"] = "表彰方案", ["application"] = "申报", ["referral"] = "问责移送",
        ["case"] = "案件", ["commendation"] = "表彰", ["monthly report"] = "月度通报", ["individual"] = "个人",
        ["rulebook draft"] = "考评办法草案", ["rulebook"] = "考评办法", ["city"] = "城市",
        ["notice"] = "通知", ["notice subscription"] = "通知订阅", ["failed delivery"] = "投递失败记录",
    };

    private static readonly Dictionary<string, (string Zh, string En)> Core = new()
    {
        // Titles
        ["title.invalid"] = ("请求无效", "The request is not valid"),
        ["title.notFound"] = ("未找到", "Not found"),
        ["title.conflict"] = ("与账本现状冲突", "Conflict"),
        ["title.badJson"] = ("请求体的 JSON 与此路由不符", "The request body is not valid JSON for this route"),
        ["title.badRoute"] = ("请求与此路由不符", "The request is not valid for this route"),

        // Draft rulebooks, what-ifs and revisions (ADR 0090–0092)
        ["rulebookDraft.adopted.title"] = ("修订已通过", "Revision adopted"),
        ["rulebookDraft.adopted"] = ("该草案已于 {1} 由 {2} 批准为“{0}”；修订一经通过不再更改。如需修改，请另拟草案。",
            "The draft was adopted as '{0}' at {1} by {2}; a revision is final. Draft a new one to change it."),
        ["rulebookDraft.notFuture.title"] = ("施行日期不在将来", "Effective date not in the future"),
        ["rulebookDraft.notFuture"] = ("草案自 {0} 起施行，但今天是 {1}：修订只能自将来的日期起施行，已给出的分数不会改变。请{2}，改为更晚的施行日期。",
            "The draft takes effect on {0}, but today is {1}: a revision takes effect only from a future date, so that no score already given changes. {3} to a later effectiveFrom."),
        ["rulebookDraft.idTaken.title"] = ("考评办法已存在", "Rulebook exists"),
        ["rulebookDraft.idTaken"] = ("考评办法“{0}”已存在（自 {1} 起施行）；修订须有自己的 id。请{2}。",
            "A rulebook '{0}' exists (in force from {1}); a revision needs an id of its own. {3}."),
        ["rulebookDraft.dayTaken.title"] = ("同日已有考评办法施行", "Rulebook takes effect that day"),
        ["rulebookDraft.dayTaken"] = ("考评办法“{0}”自 {1} 起施行；两部考评办法不能同日施行。请{2}。",
            "Rulebook '{0}' takes effect on {1}; two rulebooks cannot take effect on the same day. {3}."),
        ["whatIf.draft.required"] = ("“draft”为考评办法草案的 id（GET /api/rulebooks/drafts）。", "'draft' is the id of a draft rulebook (GET /api/rulebooks/drafts)."),
        ["score.rulebook.invalid"] = ("“rulebook”省略时按现行考评办法计分，或写作“draft:<id>”按草案计分。",
            "'rulebook' is omitted (the rulebook in force) or 'draft:<id>' of a draft rulebook."),

        // Any route
        ["kind.unit"] = ("单位", "unit"),
        ["kind.person"] = ("个人", "person"),
        ["kind.criterion"] = ("考评指标", "criterion"),
        ["kind.bonus"] = ("加分", "bonus"),
        ["kind.deduction"] = ("减分", "deduction"),
        ["notFound.detail"] = ("没有 id 为“{1}”的{0}。", "There is no {0} with id '{1}'."),
        ["body.required"] = ("需要 JSON 请求体。", "A JSON body is required."),
        ["store.concurrent"] = ("他人同时修改了此记录;请重新读取后重试。", "Someone else changed this at the same moment; read it again and retry."),
        ["store.serialization"] = ("他人同时修改了此记录;请重试。", "Someone else changed this at the same moment; retry."),
        ["store.duplicate"] = ("此操作会重复记录只能记录一次的内容。", "This would record something a second time that may be recorded only once."),

        // Bodies that are not what the route reads: say what to type
        ["json.date"] = ("“{0}”须为 YYYY-MM-DD 格式的日期,例如 2020-05-10。", "'{0}' must be a date written YYYY-MM-DD, such as 2020-05-10."),
        ["json.instant"] = ("“{0}”须为带时区的时刻,例如 2020-07-05T00:00:00Z。", "'{0}' must be an instant with its offset, such as 2020-07-05T00:00:00Z."),
        ["json.uuid"] = ("“{0}”须为 id,例如 0194f3a2-7c1e-7d4b-9a55-3c2e1f0a9b8d。", "'{0}' must be an id such as 0194f3a2-7c1e-7d4b-9a55-3c2e1f0a9b8d."),
        ["json.number"] = ("“{0}”须为 JSON 数字,例如 5 或 2.5(不加引号)。", "'{0}' must be a JSON number such as 5 or 2.5 (without quotes)."),
        ["json.integer"] = ("“{0}”须为整数,例如 2020(不加引号)。", "'{0}' must be a whole number such as 2020 (without quotes)."),
        ["json.boolean"] = ("“{0}”须为 true 或 false。", "'{0}' must be true or false."),
        ["json.string"] = ("“{0}”须为 JSON 字符串(加引号)。", "'{0}' must be a JSON string (in quotes)."),
        ["json.list"] = ("“{0}”须为 JSON 数组,例如 [ ... ]。", "'{0}' must be a JSON array such as [ ... ]."),
        ["json.object"] = ("“{0}”须为 JSON 对象,例如 {{ ... }}。", "'{0}' must be a JSON object such as {{ ... }}."),
        ["json.enum"] = ("“{0}”不是可选值之一。", "'{0}' is not one of the values this field takes."),
        ["json.required"] = ("“{0}”必填。", "'{0}' is required."),
        ["json.invalid"] = ("“{0}”的值与此字段不符。", "'{0}' holds a value this field does not take."),
        ["json.syntax"] = ("请求体不是有效的 JSON:{1}", "The body is not valid JSON: {1}"),

        // Entries
        ["entry.occurredOn.future"] = ("“occurredOn”不能晚于今天(今天是 {0})。", "'occurredOn' may not lie in the future (today is {0})."),
        ["entry.occurredOn.noRulebook"] = ("{0} 没有生效的考评办法。", "No rulebook is in force on {0}."),
        ["entry.occurredOn.required"] = ("“occurredOn”必填(YYYY-MM-DD)。", "'occurredOn' is required (YYYY-MM-DD)."),
        ["entry.clause.unknown"] = ("“{0}”不是考评办法 {1} 的条款。", "'{0}' is not a clause of rulebook {1}."),
        ["entry.clause.criterion"] = ("“{0}”是考评指标,不是加分或减分项目:指标用 POST /api/marks 评分。", "'{0}' is a criterion, not a bonus or deduction: criteria are marked with POST /api/marks."),
        ["entry.clause.oncePerYear"] = ("“{0}”每年只记一次,该{1}在 {2} 年已有(条目 {3})。", "'{0}' is given once a year and the {1} already has it for {2} (entry {3})."),
        ["entry.points.required"] = ("“{0}”为 {1}–{2} 分:请给出分值。", "'{0}' gives {1}–{2} points: say how many."),
        ["entry.points.outOfRange"] = ("“{0}”为 {1}–{2} 分,不能是 {3} 分。", "'{0}' gives {1}–{2} points, not {3}."),
        ["entry.points.fixed"] = ("“{0}”固定为 {1} 分;请省略“points”或填 {1}。", "'{0}' gives exactly {1} points; omit 'points' or send {1}."),
        ["entry.points.magnitude"] = ("“points”是所选分值:正数,最多两位小数。", "'points' is the magnitude chosen: a positive number with at most two decimals."),
        ["entry.personId.required"] = ("“{0}”适用于个人:请指明人员。", "'{0}' applies to people: name the person."),
        ["entry.personId.unitOnly"] = ("“{0}”只适用于单位;请不要填“personId”。", "'{0}' applies to the unit only; leave 'personId' out."),
        ["entry.personId.unknown"] = ("没有 id 为“{0}”的人员。", "There is no person with id '{0}'."),
        ["entry.personId.noUnit"] = ("该人员在 {0} 不属于任何单位。", "The person did not belong to any unit on {0}."),
        ["entry.personId.otherUnit"] = ("该人员在 {0} 不属于此单位。", "The person did not belong to this unit on {0}."),
        ["entry.unitId.unknown"] = ("没有 id 为“{0}”的单位。", "There is no unit with id '{0}'."),
        ["entry.evidence.tooMany"] = ("每个条目最多 50 项证据。", "At most 50 evidence items per entry."),
        ["evidence.item.null"] = ("证据项不能为 null。", "An evidence item may not be null."),
        ["evidence.sha256.format"] = ("“sha256”须为 64 个十六进制字符。", "'sha256' must be 64 hexadecimal characters."),
        ["entry.rescinded"] = ("条目 {0} 已于 {1} 由 {2} 撤销。", "Entry {0} was rescinded at {1} by {2}."),
        ["entry.rescinded.title"] = ("条目已撤销", "Entry already rescinded"),
        ["entry.clause.oncePerYear.title"] = ("每年一次的条款已记录", "Once-per-year clause already recorded"),

        // Marks
        ["mark.year.notBegun"] = ("{0} 年尚未开始。", "The year {0} has not begun."),
        ["mark.year.noRulebook"] = ("没有考评办法为 {0} 年评分。", "No rulebook scores the year {0}."),
        ["mark.clause.unknown"] = ("“{0}”不是考评办法 {1} 的条款。", "'{0}' is not a clause of rulebook {1}."),
        ["mark.clause.bonus"] = ("“{0}”是加分条款:用 POST /api/entries 记录。", "'{0}' is a bonus clause: record it with POST /api/entries."),
        ["mark.clause.deduction"] = ("“{0}”是减分条款:用 POST /api/entries 记录。", "'{0}' is a deduction clause: record it with POST /api/entries."),
        ["mark.clause.computedFromCases"] = ("“{0}”由案件数据的比率计算(见对象的 /rates),不能评分。", "'{0}' is computed from the case feed's rates (see the subject's /rates); it cannot be marked."),
        ["mark.clause.computedFromLedger"] = ("“{0}”由账本条目计算,不能评分。", "'{0}' is computed from the ledger's entries; it cannot be marked."),
        ["mark.clause.heading"] = ("“{0}”是标题项;请对其分项({1})评分。", "'{0}' is a heading; mark its parts ({1})."),
        ["mark.unitId.personCriterion"] = ("“{0}”是个人指标,不能为单位评分。", "'{0}' is an individual criterion; it cannot mark a unit."),
        ["mark.personId.unitCriterion"] = ("“{0}”是单位指标,不能为个人评分。", "'{0}' is a unit criterion; it cannot mark a person."),
        ["mark.points.outOfRange"] = ("“{0}”最多 {1} 分。", "'{0}' is worth at most {1} points."),
        ["mark.unitId.unknown"] = ("没有 id 为“{0}”的单位。", "There is no unit with id '{0}'."),
        ["mark.personId.unknown"] = ("没有 id 为“{0}”的人员。", "There is no person with id '{0}'."),
        ["mark.personId.notAMember"] = ("该人员在 {0} 年不属于任何单位；只对当年的成员评分。", "The person belonged to no unit in {0}; only members of the year are marked."),
        ["mark.subject.required"] = ("请指明评分对象:单位指标填“unitId”,个人指标填“personId”。", "Name the subject: 'unitId' for a unit criterion or 'personId' for an individual one."),
        ["mark.subject.both"] = ("只能指明一个对象:“unitId”或“personId”,不能同时填。", "Name one subject only: 'unitId' or 'personId', not both."),

        // Years, dates and formats shared by many routes
        ["year.format"] = ("“year”须为年份,例如 2020。", "'year' must be a year such as 2020."),
        ["year.noRulebook"] = ("没有考评办法为 {0} 年评分。", "No rulebook scores the year {0}."),
        ["year.notBegun"] = ("{0} 年尚未开始。", "The year {0} has not begun."),
        ["asOf.outsideYear"] = ("“asOf”{0} 不在 {1} 年之内:须为 {1}-01-01 至 {1}-12-31 之间的日期。", "'asOf' {0} lies outside the year {1}: it must be a date from {1}-01-01 to {1}-12-31."),
        ["knownAt.future"] = ("“knownAt”不能晚于现在(现在是 {0})。", "'knownAt' may not lie in the future (now is {0})."),
        ["format.unknown"] = ("“format”为 json、csv、xlsx 或 html。", "'format' is json, csv, xlsx or html."),
        ["table.unknown"] = ("“table”为 {0} 之一(仅 CSV)。", "'table' is one of {0} (CSV only)."),

        // Appeals
        ["appeal.outcome.unknown"] = ("“outcome”为 upheld 或 rejected。", "'outcome' is 'upheld' or 'rejected'."),
        ["appeal.status.unknown"] = ("“status”只能是以下之一：{0}。", "'status' is one of: {0}."),
        ["appeal.entryId.unknown"] = ("没有 id 为“{0}”的条目。", "There is no entry with id '{0}'."),
        ["appeal.unitId.unknown"] = ("没有 id 为“{0}”的单位。", "There is no unit with id '{0}'."),
        ["appeal.entry.rescinded.title"] = ("条目已撤销", "Entry already rescinded"),
        ["appeal.entry.rescinded"] = ("条目 {0} 已于 {1} 由 {2} 撤销:它已不计分,无需申诉。", "Entry {0} was rescinded at {1} by {2}: it no longer counts, so there is nothing to appeal."),
        ["appeal.entry.outcome.title"] = ("条目是申诉的结果", "Entry is an appeal's outcome"),
        ["appeal.entry.outcome"] = ("条目 {0} 是申诉 {1} 成立时记录的更正;该决定已了结此事。", "Entry {0} is the correction recorded when appeal {1} was upheld; that decision settled the matter."),
        ["appeal.window.entry.title"] = ("申诉期已过", "Appeal window closed"),
        ["appeal.window.criterion.title"] = ("申诉期已过", "Appeal window closed"),
        ["appeal.window.entry"] = ("条目 {0} 记录于 {1};对它的申诉期为 {2} 天,截至 {3} 日终(北京时间)。", "Entry {0} was recorded on {1}; appeals against it could be filed for {2} days, until the end of {3} (Asia/Shanghai)."),
        ["appeal.window.criterion"] = ("对 {1} 年 {0} 的申诉截至 {2} 日终(北京时间),即年度结束或最近评分后 {3} 天。", "Appeals against {0} for {1} could be filed until the end of {2} (Asia/Shanghai), {3} days after the year's end or its latest mark."),
        ["appeal.criterion.notUnitCriterion"] = ("“{0}”不是考评办法 {1} 中计分的单位指标(如 U1.1 或 U4.1);对加分或减分项目申诉,请用“entryId”指明其条目。", "'{0}' is not a unit criterion that carries points in rulebook {1} (e.g. U1.1 or U4.1); to contest a bonus or deduction, name its entry with 'entryId'."),
        ["appeal.decided.title"] = ("申诉已决定", "Appeal already decided"),
        ["appeal.decided"] = ("申诉 {0} 已于 {2} 由 {3} 决定为 {1};决定是最终的。", "Appeal {0} was {1} at {2} by {3}; a decision is final."),
        ["appeal.approved.title"] = ("年终结果已审定", "Year-end result approved"),
        ["appeal.approved"] = ("{1} 年的年终考评 {0} 已于 {2} 审定;其结果为最终结果,不再受理申诉。", "The year-end evaluation {0} for {1} was approved at {2}; its results are final and no longer open to appeal."),
        ["appeal.already.title"] = ("已提出申诉", "Already appealed"),
        ["appeal.already"] = ("申诉 {0}({1} 提出,{2})已对此提出异议;同一事项只申诉一次。", "Appeal {0} (filed {1}, {2}) already contests this; a matter is appealed once."),
        ["appeal.correction.rescinded.title"] = ("条目已撤销", "Entry already rescinded"),
        ["appeal.correction.rescinded"] = ("条目 {0} 已于 {1} 由 {2} 撤销,无可更正。请不填“correctedPoints”支持申诉,或另行记录新条目。", "Entry {0} was rescinded at {1} by {2}; there is nothing left to correct. Uphold without 'correctedPoints', or record a new entry."),
        ["appeal.correctedPoints.same"] = ("条目 {0} 已是 {1} 分;如要撤销,请不填“correctedPoints”。", "Entry {0} already carries {1} points; to rescind it, leave 'correctedPoints' out."),
        ["appeal.rulebook.missing.title"] = ("考评办法缺失", "Rulebook missing"),
        ["appeal.rulebook.missing"] = ("考评办法 {0} 已不含“{1}”。", "Rulebook {0} no longer carries '{1}'."),
        ["appeal.correctedPoints.computed"] = ("“{0}”由案件数据计算,不是评分:请不填“correctedPoints”支持申诉,并更正产生它的案件数据。", "'{0}' is computed from the case data, not marked: uphold without 'correctedPoints' and correct the case data that produced it."),
        ["appeal.correctedPoints.required"] = ("“{0}”是评分指标:支持申诉时在“correctedPoints”中给出更正后的分值。", "'{0}' is marked: an upheld appeal gives the corrected mark in 'correctedPoints'."),
        ["appeal.correctedPoints.outOfRange"] = ("“{0}”最多 {1} 分。", "'{0}' is worth at most {1} points."),

        // Evaluations and circulars
        ["evaluation.yearNotOver.title"] = ("年度尚未结束", "Year not over"),
        ["evaluation.yearNotOver"] = ("{0} 年至 {1} 结束;年终考评在此之后起草。", "The year {0} ends on {1}; its evaluation is drafted after that day."),
        ["evaluation.exists.title"] = ("年终考评已存在", "Evaluation exists"),
        ["evaluation.unitId.notIncluded"] = ("单位“{0}”不在 {1} 年的年终考评中。", "Unit '{0}' is not in the {1} evaluation."),
        ["evaluation.status.unknown"] = ("“status”只能是以下之一：{0}。", "'status' is one of: {0}."),
        ["evaluation.outOfOrder.title"] = ("步骤顺序不符", "Step out of order"),

        // Validators' own rules
        ["appeal.subject.required"] = ("请指明申诉对象:条目填“entryId”,指标填“criterion”及“unitId”、“year”。", "Name what is contested: 'entryId' for an entry, or 'criterion' with 'unitId' and 'year'."),
        ["appeal.subject.both"] = ("每次申诉一个事项:“entryId”或“criterion”,不能同时填。", "Contest one thing per appeal: 'entryId' or 'criterion', not both."),
        ["appeal.unitId.required"] = ("“unitId”指明被申诉指标所属的单位。", "'unitId' names the unit whose criterion is contested."),
        ["appeal.year.required"] = ("“year”是被申诉指标的考评年度,例如 2020。", "'year' is the assessment year of the contested criterion, such as 2020."),
        ["appeal.unitId.notAllowed"] = ("对条目的申诉取条目所属单位;请不要填“unitId”。", "An appeal against an entry takes its unit from the entry; leave 'unitId' out."),
        ["appeal.year.notAllowed"] = ("对条目的申诉取条目所属年度;请不要填“year”。", "An appeal against an entry takes its year from the entry; leave 'year' out."),
        ["appeal.evidence.tooMany"] = ("每次申诉最多 50 项证据。", "At most 50 evidence items per appeal."),
        ["appeal.correctedPoints.notAllowed"] = ("驳回的申诉不改变任何分值;请不要填“correctedPoints”。", "A rejected appeal changes nothing; leave 'correctedPoints' out."),
        ["appeal.correctedPoints.magnitude"] = ("“correctedPoints”是分值:0 到 100 之间的数,最多两位小数。", "'correctedPoints' is a magnitude: a number from 0 to 100 with at most two decimals."),
        ["spotCheck.checkedOn.required"] = ("“checkedOn”必填(YYYY-MM-DD)。", "'checkedOn' is required (YYYY-MM-DD)."),
        ["spotCheck.entryIds.tooMany"] = ("最多关联 100 个条目。", "At most 100 linked entries."),
        ["selfCheck.month.format"] = ("“month”须为月份,例如 2020-05。", "'month' must be a month such as 2020-05."),
        ["selfCheck.items.count"] = ("请给出 1 到 40 项,每项对应一个单位指标。", "Give 1 to 40 items, one per unit criterion."),
        ["selfCheck.item.null"] = ("自查项不能为 null。", "An item may not be null."),
        ["selfCheck.month.notBegun"] = ("{0} 尚未开始(今天是 {1})。", "The month {0} has not begun (today is {1})."),
        ["selfCheck.month.noRulebook"] = ("{0} 没有施行中的考评办法。", "No rulebook is in force in {0}."),
        ["selfCheck.item.clause"] = ("“{0}”不是考评办法 {1} 的单位考评指标(请填 U1.1 … U4.5)。", "'{0}' is not a unit criterion of rulebook {1} (give U1.1 … U4.5)."),
        ["selfCheck.item.points"] = ("“{0}”满分 {1} 分,自评分不能超过满分。", "'{0}' is worth at most {1} points."),
        ["selfCheck.items.repeated"] = ("“{0}”出现了不止一次。", "'{0}' appears more than once."),

        // Notices
        ["notice.kinds.required"] = ("“kinds”至少列出一种通知:replyDueSoon, reportDueSoon, warningRed, entryRecorded, entryRescinded, appealDecided, evaluationReturned, evaluationApproved, planReturned, planApproved, referralMade。", "'kinds' names at least one of: replyDueSoon, reportDueSoon, warningRed, entryRecorded, entryRescinded, appealDecided, evaluationReturned, evaluationApproved, planReturned, planApproved, referralMade."),
        ["notice.kinds.unknown"] = ("“kinds”含未知的通知种类;可选:replyDueSoon, reportDueSoon, warningRed, entryRecorded, entryRescinded, appealDecided, evaluationReturned, evaluationApproved, planReturned, planApproved, referralMade。", "'kinds' has an unknown kind; the kinds are: replyDueSoon, reportDueSoon, warningRed, entryRecorded, entryRescinded, appealDecided, evaluationReturned, evaluationApproved, planReturned, planApproved, referralMade."),
        ["notice.kinds.tooMany"] = ("“kinds”中每种通知最多列一次。", "'kinds' names each kind at most once."),
        ["notice.channel.unknown"] = ("“channel”为 inbox、webhook 或 email。", "'channel' is 'inbox', 'webhook' or 'email'."),
        ["notice.url.required"] = ("webhook 订阅须填“url”。", "A webhook needs 'url'."),
        ["notice.url.length"] = ("“url”最多 2000 个字符。", "'url' holds at most 2000 characters."),
        ["notice.url.notAllowed"] = ("“url”只用于 webhook 渠道。", "'url' is for the webhook channel."),
        ["notice.url.absolute"] = ("“url”须为完整网址。", "'url' must be an absolute URL."),
        ["notice.url.scheme"] = ("“url”须为 http 或 https 网址。", "'url' must be http or https."),
        ["notice.url.credentials"] = ("“url”中不得含用户名或密码。", "'url' may not carry a user name or password."),
        ["notice.url.host"] = ("“url”须指明主机。", "'url' must name a host."),
        ["notice.url.fragment"] = ("“url”不得含片段(#…)。", "'url' may not have a fragment."),
        ["notice.url.hostNotAllowed"] = ("“url”的主机“{0}”不在允许名单(Hotline:Notices:AllowedHosts)中。", "'url' host '{0}' is not on the allow-list (Hotline:Notices:AllowedHosts)."),
        ["notice.secret.length"] = ("“secret”为 16 到 200 个字符(或省略,由系统生成)。", "'secret' is 16 to 200 characters (or leave it out and one is made)."),
        ["notice.secret.notAllowed"] = ("“secret”只用于 webhook 渠道。", "'secret' is for the webhook channel."),
        ["notice.format.unknown"] = ("“format”为 json、wecom 或 dingtalk。", "'format' is 'json', 'wecom' or 'dingtalk'."),
        ["notice.format.notAllowed"] = ("“format”只用于 webhook 渠道。", "'format' is for the webhook channel."),
        ["notice.address.required"] = ("邮件订阅须填“address”。", "An e-mail subscription needs 'address'."),
        ["notice.address.format"] = ("“address”须为电子邮件地址(最多 254 个字符)。", "'address' must be an e-mail address (at most 254 characters)."),
        ["notice.address.notAllowed"] = ("“address”只用于 email 渠道。", "'address' is for the email channel."),
        ["notice.unitId.unknown"] = ("没有 id 为“{0}”的单位。", "There is no unit with id '{0}'."),
        ["notice.delivery.delivered.title"] = ("投递已完成", "Already delivered"),
        ["notice.delivery.delivered"] = ("投递 {0} 已于 {1} 完成。", "Delivery {0} was delivered at {1}."),
        ["notice.delivery.pending.title"] = ("投递仍在进行", "Still being attempted"),
        ["notice.delivery.pending"] = ("投递 {0} 仍在重试中。", "Delivery {0} is still being attempted."),
        ["notice.delivery.unsubscribed.title"] = ("订阅已删除", "Subscription deleted"),
        ["notice.delivery.unsubscribed"] = ("投递 {0} 的订阅已删除。", "The subscription of delivery {0} has been deleted."),

        // Monthly reports, spot checks, the read audit
        ["monthlyReport.exists.title"] = ("月度通报已提交", "Monthly report already submitted"),
        ["monthlyReport.exists"] = ("本单位 {0} 的通报已于 {1} 由 {2} 提交;每月一份。", "The unit's report for {0} was submitted at {1} by {2}; a month has one report."),
        ["monthlyReport.month.notBegun"] = ("{0} 尚未开始(今天是 {1})。", "{0} has not begun (today is {1})."),
        ["spotCheck.entry.unknown"] = ("没有 id 为“{0}”的条目。", "There is no entry with id '{0}'."),
        ["spotCheck.entry.otherUnit"] = ("条目 {0} 属于其他单位。", "Entry {0} is about another unit."),
        ["spotCheck.checkedOn.future"] = ("“checkedOn”不能晚于今天(今天是 {0})。", "'checkedOn' may not lie in the future (today is {0})."),
        ["spotCheck.unitId.unknown"] = ("没有 id 为“{0}”的单位。", "There is no unit with id '{0}'."),
        ["spotCheck.entry.linked.title"] = ("条目已关联", "Entry already linked"),
        ["spotCheck.entry.linked"] = ("条目 {0} 已关联到此抽查。", "Entry {0} is already linked to this spot check."),
        ["readAudit.limit.outOfRange"] = ("“limit”须在 1 到 {0} 之间。", "'limit' must lie between 1 and {0}."),
        ["readAudit.reader.tooLong"] = ("“reader”最多 200 个字符。", "'reader' holds at most 200 characters."),

        // Lists: filters and pages (entries, units, people, the evidence trail)
        ["list.limit.outOfRange"] = ("“limit”须为 1 到 {0} 之间的整数。", "'limit' must be a whole number from 1 to {0}."),
        ["list.after.invalid"] = ("“after”须为此列表前一页“next”给出的游标。", "'after' must be a cursor from the 'next' of an earlier page of this list."),
        ["query.date"] = ("“{0}”须为 YYYY-MM-DD 格式的日期。", "'{0}' must be a date YYYY-MM-DD."),
        ["query.instant"] = ("“{0}”须为 ISO-8601 时刻,例如 2020-07-05T00:00:00Z。", "'{0}' must be an ISO-8601 instant such as 2020-07-05T00:00:00Z."),
        ["series.outsideYear"] = ("“{0}”{1} 不在 {2} 年之内:须为 {2}-01-01 至 {2}-12-31 之间的日期。", "'{0}' {1} lies outside the year {2}: it must be a date from {2}-01-01 to {2}-12-31."),
        ["table.format.unknown"] = ("“format”为 json、csv 或 xlsx。", "'format' is json, csv or xlsx."),
        ["query.range"] = ("“{0}”早于“{1}”。", "'{0}' lies before '{1}'."),
        ["entries.status.unknown"] = ("“status”只能是以下之一：{0}。", "'status' is one of: {0}."),
        ["entries.automatic.format"] = ("“automatic”为 true 或 false。", "'automatic' is 'true' or 'false'."),
        ["evidence.format.unknown"] = ("“format”为 json、csv 或 xlsx。", "'format' is json, csv or xlsx."),
        ["table.format.unknown"] = ("“format”为 json、csv 或 xlsx。", "'format' is json, csv or xlsx."),

        // Membership: people are scored only for the days they belonged to a unit
        ["person.notAMember.title"] = ("当年不是成员", "Not a member in the year"),
        ["person.notAMember"] = ("人员 {0} 在 {1} 年({2} 至 {3})不属于任何单位;人员只按其属于单位的日子计分。",
            "The person {0} belonged to no unit in {1} (from {2} to {3}); a person is scored only for the days they belonged to a unit."),
        ["person.lastDay.future"] = ("“lastDay”不能晚于今天(今天是 {0})。", "'lastDay' may not lie in the future (today is {0})."),
        ["person.lastDay.beforeJoining"] = ("“lastDay”不能早于该人员加入现单位的日期 {0}。", "'lastDay' may not come before the person joined their current unit on {0}."),
        ["person.left.title"] = ("人员已离开", "Person already left"),
        ["person.left"] = ("该人员已于 {0} 之后离开所在单位。", "The person left their unit after {0}."),
        ["person.effectiveOn.afterLeaving"] = ("“effectiveOn”须晚于该人员在原单位的最后一天 {0}。", "'effectiveOn' must come after the person's last day in their unit, {0}."),

        // The year-end evaluation's completeness and second drafts
        ["evaluation.incomplete.title"] = ("年终考评不完整", "Evaluation incomplete"),
        ["evaluation.incomplete"] = ("{0} 年年终考评不完整:{1}(详见“missing”)。请评分(POST /api/marks)后重算(POST {2}/recompute),或说明理由后照现状{3}:POST {2}/{4},请求体 {{\"override\": {{\"reason\": \"…\"}}}}。",
            "The {0} evaluation is incomplete: {1} (listed in 'missing'). Mark the criteria (POST /api/marks) and recompute (POST {2}/recompute), or {4} it as it is with a reason: POST {2}/{4} with {{\"override\": {{\"reason\": \"…\"}}}}."),
        ["evaluation.incomplete.summary"] = ("{0} 个单位或人员有未评分指标(共 {1} 项),{2} 个单位缺月度通报(共 {3} 个月)",
            "{0} unit(s) or person(s) with unmarked criteria ({1} criteria in all), {2} unit(s) without monthly reports ({3} months in all)"),
        ["evaluation.override.reason.required"] = ("越过完整性检查须说明理由。", "An override must give its reason."),
        ["evaluation.override.reason.tooLong"] = ("“reason”最多 2000 个字符。", "'reason' may hold at most 2000 characters."),
        ["evaluation.exists"] = ("{0} 年年终考评 {1} 已存在({2});{3}", "The {0} evaluation {1} exists ({2}); {3}"),
        ["evaluation.exists.approved"] = ("它已审定,不再改变(GET {0})。", "it is approved and final (GET {0})."),
        ["evaluation.exists.submitted"] = ("它已报送领导:领导可退回(POST {0}/return),之后由办公室重算(POST {0}/recompute)。",
            "it is with the leadership: a leader may return it (POST {0}/return), after which the office recomputes it (POST {0}/recompute)."),
        ["evaluation.exists.recompute"] = ("请改为按账本现状重算它(POST {0}/recompute)。", "recompute it from the ledger as it stands now instead (POST {0}/recompute)."),

        // The registry
        ["person.effectiveOn.future"] = ("“effectiveOn”不能晚于今天(今天是 {0})。", "'effectiveOn' may not lie in the future (today is {0})."),
        ["person.unitId.unknown"] = ("没有 id 为“{0}”的单位。", "There is no unit with id '{0}'."),
        ["person.effectiveOn.beforeJoining"] = ("“effectiveOn”须晚于该人员加入现单位的日期 {0}。", "'effectiveOn' must come after the person joined their current unit on {0}."),
        ["person.toUnitId.same"] = ("该人员已属于此单位。", "The person already belongs to this unit."),
        ["unit.code.duplicate.title"] = ("单位代码重复", "Duplicate unit code"),
        ["unit.code.duplicate"] = ("代码为“{0}”的单位已登记。", "A unit with code '{0}' is already registered."),
    };
}
