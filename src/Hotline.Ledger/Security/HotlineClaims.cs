namespace Hotline.Ledger.Security;

/// <summary>
/// The claim types the ledger reads after authentication. An identity provider that names them
/// otherwise is mapped onto these at sign-in (Hotline:Auth:NameClaim, RoleClaim, UnitClaim).
/// </summary>
public static class HotlineClaims
{
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>A liaison's unit, by its code (e.g. "XY-GA").</summary>
    public const string Unit = "unit";

    /// <summary>The user's city, by its code (e.g. "XY"): the tenant whose database every request reaches. Absent: the default city.</summary>
    public const string City = "city";
}
