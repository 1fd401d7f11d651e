using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Notices;

/// <summary>
/// The clauses as the measures word them in Chinese (the rulebook carries English titles): what a unit
/// reads in a notice. A clause not listed here falls back to the rulebook's title.
/// </summary>
public static class ClauseWording
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["U4.4"] = "对市长热线办交办事项按规定时限认真办理，对应报告的事项办结回复率达100%",
        ["U4.5"] = "按规定每月向市长热线办公室通报工作情况",
        ["B1"] = "上报材料或提供信息得到市长热线办公室采用",
        ["B2.1"] = "受到基层单位或群众电话感谢表扬",
        ["B2.2"] = "受到基层单位或群众来信感谢表扬",
        ["B2.3"] = "办理单项工作受到市长热线办公室或新闻单位表扬",
        ["B3"] = "被抽调到市长热线办公室以岗代训，较好完成培训任务和日常工作",
        ["B4"] = "善于创新工作方法和办理方式，为全市热线办理工作做出积极或突出贡献",
        ["D1"] = "对群众反映的问题应该解决和有条件解决而拖延不办，受到基层单位或群众举报投诉",
        ["D2"] = "工作失职，影响恶劣，受到上级领导部门和新闻单位批评",
        ["D3.1"] = "对交办事项既不按期回复又不说明原因",
        ["D3.2"] = "虚报办理结果",
        ["D3.3"] = "每月未向市长热线办公室通报工作情况",
    };

    public static string Of(string code, Rulebook? rulebook) =>
        Chinese.TryGetValue(code, out var zh) ? zh : rulebook?.Find(code)?.Title ?? code;
}
