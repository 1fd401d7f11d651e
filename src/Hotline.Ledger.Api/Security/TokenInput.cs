using JasperFx.CommandLine;

namespace Hotline.Ledger.Api.Security;

// Each flag is named by convention from its property (UserFlag: --user, -u), as an alias would name it.
public sealed class TokenInput : NetCoreInput
{
    [Description("The user's name: what the ledger records as recordedBy")]
    public string UserFlag { get; set; } = "";

    [Description("The role, or several separated by commas: office, assessor, auditor, inspector, liaison, leader, feed")]
    public string RoleFlag { get; set; } = "";

    [Description("A liaison's unit, by its code")]
    public string? UnitFlag { get; set; }

    [Description("The user's city, by its code (see `tenants list`); without it, the default city")]
    public string? CityFlag { get; set; }

    [Description("How many hours the token is valid (default 8, at most 720)")]
    public int HoursFlag { get; set; } = 8;
}
