namespace Hotline.Ledger.Http;

public static partial class ProblemText
{
    // Cities on one deployment: the city claim, and adding a city.
    private static readonly Dictionary<string, (string Zh, string En)> Tenancy = new()
    {
        ["auth.forbidden.unknownCity"] = ("此令牌指明的城市“{0}”不在本平台上。", "The city '{0}' named by this token is not on this deployment."),
        ["city.code.format"] = ("城市代码须为 2 到 16 个大写字母、数字或连字符，以字母开头（如 XY）。", "A city code is 2 to 16 capital letters, digits or hyphens, beginning with a letter (e.g. XY)."),
        ["city.name.blank"] = ("须填写城市的中文名称（如 信阳市）。", "The city's Chinese name is required."),
        ["city.exists.title"] = ("城市已存在", "City exists"),
        ["city.exists"] = ("城市“{0}”已在本平台上。", "The city '{0}' is already on this deployment."),
    };
}
