using Hotline.Ledger.Security;

namespace Hotline.Ledger.Web.Pages;

/// <summary>The roles as the office names them.</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.Office => "热线办",
        Roles.Assessor => "评分员",
        Roles.Auditor => "审计",
        Roles.Inspector => "纪检监察",
        Roles.Liaison => "联络员",
        Roles.Leader => "领导",
        Roles.Feed => "热线平台",
        Roles.Province => "省热线办",
        Roles.ProvinceAdmin => "省平台管理员",
        _ => role,
    };
}
