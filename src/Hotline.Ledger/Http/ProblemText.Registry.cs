namespace Hotline.Ledger.Http;

public static partial class ProblemText
{
    // The registry: units, people and their memberships.
    private static readonly Dictionary<string, (string Zh, string En)> Registry = new()
    {
        ["unit.code.format"] = ("“code”只能由字母、数字、“.”、“_”和“-”组成，并以字母或数字开头。", "'code' may hold only letters, digits, '.', '_' and '-', starting with a letter or digit."),
        ["monthlyReport.month.format"] = ("“month”须为月份，例如 2020-05。", "'month' is a month such as 2020-05."),
        ["warnings.asOf.format"] = ("“asOf”须为 YYYY-MM-DD 格式的日期或 ISO-8601 时刻，例如 2020-07-05T00:00:00Z。", "'asOf' must be a date YYYY-MM-DD or an ISO-8601 instant such as 2020-07-05T00:00:00Z."),
    };
}
