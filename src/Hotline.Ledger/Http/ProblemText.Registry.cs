namespace Hotline.Ledger.Http;

public static partial class ProblemText
{
    // The registry: units, people and their memberships.
    private static readonly Dictionary<string, (string Zh, string En)> Registry = new()
    {
        ["unit.code.format"] = ("“code”只能由字母、数字、“.”、“_”和“-”组成，并以字母或数字开头。", "'code' may hold only letters, digits, '.', '_' and '-', starting with a letter or digit."),
        ["monthlyReport.month.format"] = ("“month”须为月份，例如 2020-05。", "'month' is a month such as 2020-05."),
        ["selfCheck.month.notBegun"] = ("{0} 尚未开始。", "The month {0} has not begun."),
        ["selfCheck.month.noRulebook"] = ("{0} 没有生效的考评办法。", "No rulebook is in force in {0}."),
        ["selfCheck.clause.notUnitCriterion"] = ("“{0}”不是考评办法 {1} 的单位指标（请填 U1.1 … U4.5）。", "'{0}' is not a unit criterion of rulebook {1} (give U1.1 … U4.5)."),
        ["selfCheck.points.outOfRange"] = ("“{0}”最多 {1} 分。", "'{0}' is worth at most {1} points."),
        ["selfCheck.items.repeated"] = ("“{0}”出现了不止一次。", "'{0}' appears more than once."),
        ["warnings.asOf.format"] = ("“asOf”须为 YYYY-MM-DD 格式的日期或 ISO-8601 时刻，例如 2020-07-05T00:00:00Z。", "'asOf' must be a date YYYY-MM-DD or an ISO-8601 instant such as 2020-07-05T00:00:00Z."),
    };
}
