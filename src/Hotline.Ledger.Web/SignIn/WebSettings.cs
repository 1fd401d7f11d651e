namespace Hotline.Ledger.Web.SignIn;

/// <summary>
/// The "Hotline:Web" section. Outside Development the office signs in through its identity provider
/// (OpenID Connect): Authority, ClientId and, for a confidential client, ClientSecret. The claims that
/// carry the user's name, roles and unit are those of "Hotline:Auth" (NameClaim, RoleClaim, UnitClaim).
/// </summary>
public sealed class WebSettings
{
    public const string Section = "Hotline:Web";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Extra scopes asked of the identity provider besides openid and profile (e.g. "roles").</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>How long a session lasts without use before the user signs in again.</summary>
    public double SessionMinutes { get; set; } = 480;

    /// <summary>Where the screens reach the API; by default the address this host listens on.</summary>
    public string? ApiAddress { get; set; }

    public bool HasOpenIdConnect => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
