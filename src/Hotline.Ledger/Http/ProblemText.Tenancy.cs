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
        // Taking a city out of service and back (ADR 0185).
        ["auth.forbidden.cityDisabled.title"] = ("该市已停用", "City disabled"),
        ["auth.forbidden.cityDisabled"] = ("该市已停用：城市“{0}”已由省平台停用，其用户暂不能使用本平台；该市台账完整保留，启用后恢复使用。",
            "The city '{0}' has been disabled by the province platform: its users cannot use the ledger until it is enabled again; its ledger is kept whole."),
        ["city.default.disable.title"] = ("不能停用默认城市", "The default city cannot be disabled"),
        ["city.default.disable"] = ("城市“{0}”是本平台的默认城市（主数据库），不能停用。", "The city '{0}' is this deployment's default city (the master database) and cannot be disabled."),
        ["city.disabled.already.title"] = ("城市已停用", "City already disabled"),
        ["city.disabled.already"] = ("城市“{0}”已经停用。", "The city '{0}' is disabled already."),
        ["city.enabled.already.title"] = ("城市在用", "City in service"),
        ["city.enabled.already"] = ("城市“{0}”正在使用，无需启用。", "The city '{0}' is in service already."),
    };
}
