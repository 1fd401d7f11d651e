using Hotline.Ledger.Appeals;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.Circulars;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Marks;
using Hotline.Ledger.MonthlyReports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.SelfChecks;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// What a client generator needs of every route, declared in one place: a tag per capability and a Chinese summary
/// (English beside it); the real success answer (201 with its body on the creating POSTs, whose endpoints return
/// <see cref="IResult"/> and so say nothing of it themselves); and the problem answers 400, 401, 403, 404 and 409.
/// </summary>
public sealed class OpenApiPolicy : IHttpPolicy
{
    /// <summary>The capability of a route: its first segment after /api.</summary>
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["units"] = "单位 Units", ["people"] = "人员 People", ["entries"] = "加减分条目 Entries", ["marks"] = "指标评分 Marks",
        ["rulebooks"] = "考评办法 Rulebooks", ["rankings"] = "排名 Rankings", ["evidence"] = "证据链 Evidence",
        ["cases"] = "案件数据 Case feed", ["warnings"] = "预警 Warnings", ["appeals"] = "申诉 Appeals", ["circulars"] = "半年通报 Circulars",
        ["evaluations"] = "年终总评 Year-end evaluation", ["spot-checks"] = "抽查 Spot checks", ["commendation-plans"] = "表彰 Commendation",
        ["commendations"] = "表彰 Commendation", ["referrals"] = "问责 Accountability", ["integrity"] = "完整性 Integrity",
        ["audit"] = "审计 Audit", ["what-if"] = "假设分析 What-if", ["notices"] = "通知 Notices", ["notice-subscriptions"] = "通知 Notices",
        ["province"] = "全省 Province",
        ["cities"] = "城市 Cities",
    };

    private static readonly Dictionary<string, string> Summaries = new()
    {
        ["listCities"] = "列出本平台的城市 List the cities", ["addCity"] = "新增城市 Add a city",
        ["disableCity"] = "停用城市 Disable a city", ["enableCity"] = "启用城市 Enable a city", ["cityStates"] = "城市停用与启用记录 A city's service record",
        ["registerUnit"] = "登记成员单位 Register a member unit", ["listUnits"] = "列出成员单位 List units", ["getUnit"] = "查看单位 Get a unit",
        ["registerPerson"] = "登记工作人员 Register a person", ["listPeople"] = "列出人员 List people", ["getPerson"] = "查看人员 Get a person",
        ["transferPerson"] = "人员调动 Transfer a person", ["unitScore"] = "单位得分 A unit's score", ["personScore"] = "个人得分 A person's score",
        ["unitRates"] = "单位办理率 A unit's case rates", ["personRates"] = "个人办理率 A person's case rates", ["rankings"] = "排名 Rankings",
        ["recordEntry"] = "记录加分或减分 Record a bonus or deduction", ["getEntry"] = "查看条目 Get an entry", ["rescindEntry"] = "撤销条目 Rescind an entry",
        ["recordMark"] = "指标评分 Mark a criterion", ["getMark"] = "查看评分 Get a mark", ["evidenceTrail"] = "证据链 The evidence trail",
        ["listRulebooks"] = "列出考评办法 List rulebooks", ["rulebookInForce"] = "生效的考评办法 The rulebook in force", ["getRulebook"] = "查看考评办法 Get a rulebook",
        ["ingestCaseEvents"] = "接收案件数据 Ingest case rows", ["importCaseEventsCsv"] = "导入案件 CSV Import case rows as CSV", ["getCase"] = "查看案件 Get a case",
        ["warnings"] = "预警 Warnings", ["submitMonthlyReport"] = "报送月度通报 Submit a monthly report", ["listMonthlyReports"] = "列出月度通报 List monthly reports",
        ["fileAppeal"] = "提出申诉 File an appeal", ["listAppeals"] = "列出申诉 List appeals", ["getAppeal"] = "查看申诉 Get an appeal", ["decideAppeal"] = "决定申诉 Decide an appeal",
        ["issueCircular"] = "发布半年通报 Issue the half-year circular", ["listCirculars"] = "列出通报 List circulars", ["getCircular"] = "查看或导出通报 Get or export a circular",
        ["draftEvaluation"] = "起草年终总评 Draft the year-end evaluation", ["listEvaluations"] = "列出年终总评 List evaluations",
        ["getEvaluation"] = "查看或导出年终总评 Get or export an evaluation", ["recomputeEvaluation"] = "重新计算 Recompute an evaluation",
        ["remarkEvaluationUnit"] = "单位评语 Remark on a unit", ["submitEvaluation"] = "报领导审定 Submit for approval", ["returnEvaluation"] = "退回 Return to the office",
        ["approveEvaluation"] = "审定 Approve", ["recordSpotCheck"] = "记录抽查 Record a spot check", ["listSpotChecks"] = "列出抽查 List spot checks",
        ["getSpotCheck"] = "查看抽查 Get a spot check", ["linkSpotCheckEntry"] = "关联条目 Link an entry to a spot check",
        ["submitSelfCheck"] = "报送月自查 Submit a monthly self-check", ["listSelfChecks"] = "列出月自查 List self-checks", ["getSelfCheck"] = "查看月自查 Get a self-check",
        ["unitSelfAssessment"] = "单位自评 A unit's self-assessment", ["draftCommendationPlan"] = "起草考评方案 Draft the commendation plan",
        ["listCommendationPlans"] = "列出考评方案 List commendation plans", ["getCommendationPlan"] = "查看考评方案 Get a commendation plan",
        ["reviseCommendationPlan"] = "修改考评方案 Revise a plan", ["submitCommendationPlan"] = "报送考评方案 Submit a plan", ["returnCommendationPlan"] = "退回考评方案 Return a plan",
        ["approveCommendationPlan"] = "审批考评方案 Approve a plan", ["submitCommendationApplication"] = "申报 Submit an application",
        ["listCommendationApplications"] = "列出申报 List applications", ["listCommendationCandidates"] = "审核候选 List candidates",
        ["draftCommendationShortlist"] = "评选初选名单 Draft the shortlist", ["submitCommendationShortlist"] = "报送初选名单 Submit the shortlist",
        ["returnCommendationShortlist"] = "退回初选名单 Return the shortlist", ["approveCommendationShortlist"] = "审定初选名单 Approve the shortlist",
        ["issueCommendations"] = "表彰 Issue commendations", ["listCommendations"] = "列出表彰 List commendations", ["makeReferrals"] = "问责移送 Make referrals",
        ["listReferrals"] = "列出问责移送 List referrals", ["getReferral"] = "查看问责移送 Get a referral", ["getReferralBundle"] = "证据包 The evidence bundle",
        ["verifyIntegrity"] = "校验哈希链 Verify the hash chain", ["listReads"] = "读取审计 The read audit",
        ["listEntries"] = "查找条目 Find entries", ["recordDeparture"] = "人员离开 Record a departure",
        ["listRulebookRevisions"] = "考评办法修订记录 Rulebook revisions", ["draftRulebook"] = "起草考评办法 Draft a rulebook",
        ["getRulebookDraft"] = "查看考评办法草案 Get a rulebook draft", ["listRulebookDrafts"] = "列出考评办法草案 List rulebook drafts",
        ["reviseRulebookDraft"] = "修改考评办法草案 Revise a rulebook draft", ["deleteRulebookDraft"] = "删除考评办法草案 Delete a rulebook draft",
        ["submitRulebookDraft"] = "报送考评办法草案 Submit a rulebook draft", ["returnRulebookDraft"] = "退回考评办法草案 Return a rulebook draft",
        ["approveRulebookDraft"] = "审定考评办法草案 Approve a rulebook draft", ["whatIf"] = "假设分析 What if a draft rulebook applied",
        ["noticeSubscriptions"] = "列出通知订阅 List notice subscriptions", ["subscribeToNotices"] = "订阅通知 Subscribe to notices",
        ["unsubscribeFromNotices"] = "取消订阅 Unsubscribe", ["notices"] = "通知收件箱 The notice inbox", ["failedNotices"] = "投递失败的通知 Failed notices",
        ["retryFailedNotice"] = "重新投递 Retry a failed notice", ["readNotice"] = "标记已读 Mark a notice read",
        ["unitScoreSeries"] = "单位逐日总分 A unit's total day by day", ["personScoreSeries"] = "个人逐日总分 A person's total day by day",
        ["unitRankSeries"] = "单位逐日排名 A unit's rank day by day", ["unitChanges"] = "单位得分变化说明 What changed a unit's score between two instants",
        ["personChanges"] = "个人得分变化说明 What changed a person's score between two instants",
        ["integrityStatus"] = "完整性状态 The chain head and the last verification",
        ["provinceCities"] = "全省城市 The province's cities", ["provinceSummary"] = "各市汇总 Every city's summary on both clocks",
        ["provinceSummaryDownload"] = "导出各市汇总 Download the cities' summary", ["provinceCityCirculars"] = "某市通报 A city's circulars",
        ["provinceCityCircular"] = "查看某市通报 One of a city's circulars", ["provinceCityResults"] = "某市年终考评结果 A city's approved year-end results",
        ["provinceCityResult"] = "查看某市年度考评结果 A city's approved result of a year", ["provinceCityRates"] = "某市办理率 A city's case rates",
    };

    /// <summary>The creating POSTs: 201 and the body they answer with.</summary>
    private static readonly Dictionary<string, Type> Creates = new()
    {
        ["registerUnit"] = typeof(UnitView), ["registerPerson"] = typeof(PersonView), ["recordMark"] = typeof(MarkView),
        ["fileAppeal"] = typeof(AppealView), ["issueCircular"] = typeof(CircularView), ["draftEvaluation"] = typeof(EvaluationView),
        ["submitMonthlyReport"] = typeof(MonthlyReportView), ["submitSelfCheck"] = typeof(SelfCheckView), ["draftCommendationPlan"] = typeof(PlanView),
        ["recordSpotCheck"] = typeof(object), ["makeReferrals"] = typeof(object), ["submitCommendationApplication"] = typeof(object), ["issueCommendations"] = typeof(object),
    };

    /// <summary>Answers of other routes whose body is known.</summary>
    private static readonly Dictionary<string, Type> Answers = new()
    {
        ["getEntry"] = typeof(EntryView), ["rescindEntry"] = typeof(EntryView), ["getMark"] = typeof(MarkView), ["getUnit"] = typeof(UnitView),
        ["transferPerson"] = typeof(PersonView), ["getAppeal"] = typeof(AppealView), ["decideAppeal"] = typeof(AppealView),
        ["submitEvaluation"] = typeof(EvaluationView), ["returnEvaluation"] = typeof(EvaluationView), ["approveEvaluation"] = typeof(EvaluationView),
        ["recomputeEvaluation"] = typeof(EvaluationView), ["remarkEvaluationUnit"] = typeof(EvaluationView),
    };

    /// <summary>Wolverine declares 200 for every endpoint returning IResult; a creating route answers 201 only.</summary>
    public static void Declare(Microsoft.AspNetCore.OpenApi.OpenApiOptions options) => options.AddOperationTransformer((operation, _, _) =>
    {
        if (operation.Responses is { } responses && responses.ContainsKey("201")) responses.Remove("200");
        return Task.CompletedTask;
    });

    public static string TagOf(string route)
    {
        var segment = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? "";
        return Tags.GetValueOrDefault(segment, segment);
    }

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var route = chain.RoutePattern?.RawText ?? "";
            if (!route.StartsWith("/api/", StringComparison.Ordinal)) continue;
            var id = chain.OperationId;
            var post = chain.HttpMethods.Contains("POST");

            chain.Metadata.WithTags(TagOf(route));
            // A route added without a summary here still gets a Chinese one: its capability and its operationId.
            var tag = TagOf(route);
            var chinese = tag.Any(c => c is >= '\u4e00' and <= '\u9fff') ? tag.Split(' ')[0] : "接口";
            chain.Metadata.WithSummary(Summaries.GetValueOrDefault(id, $"{chinese} {id}"));

            if (Creates.TryGetValue(id, out var created)) chain.Metadata.Produces(StatusCodes.Status201Created, created == typeof(object) ? null : created, "application/json");
            else if (Answers.TryGetValue(id, out var answer)) chain.Metadata.Produces(StatusCodes.Status200OK, answer, "application/json");

            chain.Metadata.Produces(StatusCodes.Status400BadRequest, typeof(ValidationProblemDetails), "application/problem+json");
            chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized);
            chain.Metadata.ProducesProblem(StatusCodes.Status403Forbidden);
            if (route.Contains('{')) chain.Metadata.ProducesProblem(StatusCodes.Status404NotFound);
            if (post) chain.Metadata.ProducesProblem(StatusCodes.Status409Conflict);
        }
    }
}
