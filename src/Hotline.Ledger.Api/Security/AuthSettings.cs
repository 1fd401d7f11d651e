using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Ledger.Api.Security;

/// <summary>
/// The "Hotline:Auth" section. An office plugs in its own identity provider with Issuer, Audience and
/// either SigningKey (a PEM public key, or a shared secret of at least 32 bytes) or Authority (OpenID
/// Connect discovery). DevelopmentKey is for local runs only and is refused outside Development.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Hotline:Auth";
    public const int MinimumSecretBytes = 32;

    public string? Issuer { get; set; }
    public string? Audience { get; set; }
    public string? SigningKey { get; set; }
    public string? Authority { get; set; }
    public string? DevelopmentKey { get; set; }

    /// <summary>The claim holding the user's name as recorded on events (e.g. "preferred_username").</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim holding the roles (one claim per role).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim holding a liaison's unit code.</summary>
    public string UnitClaim { get; set; } = "unit";

    public bool HasProvider => !string.IsNullOrWhiteSpace(SigningKey) || !string.IsNullOrWhiteSpace(Authority);
    public bool HasDevelopmentKey => !string.IsNullOrWhiteSpace(DevelopmentKey);

    /// <summary>Everything wrong with the settings for this environment; empty when they are usable.</summary>
    public IEnumerable<string> Problems(bool isDevelopment)
    {
        if (!HasProvider && !HasDevelopmentKey)
            yield return $"No way to authenticate is configured: set {Section}:Issuer, :Audience and :SigningKey (or :Authority), " +
                         $"or, for a local run, {Section}:DevelopmentKey (see README, \"Tokens\").";
        if (HasProvider && (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience)))
            yield return $"{Section}:Issuer and {Section}:Audience are required with a signing key or authority.";
        if (!string.IsNullOrWhiteSpace(SigningKey) && !IsPem(SigningKey) && Encoding.UTF8.GetByteCount(SigningKey) < MinimumSecretBytes)
            yield return $"{Section}:SigningKey is neither a PEM public key nor a shared secret of at least {MinimumSecretBytes} bytes.";
        if (HasDevelopmentKey && !isDevelopment)
            yield return $"{Section}:DevelopmentKey is accepted only in the Development environment; a deployment configures its identity provider.";
        if (HasDevelopmentKey && Encoding.UTF8.GetByteCount(DevelopmentKey!) < MinimumSecretBytes)
            yield return $"{Section}:DevelopmentKey must hold at least {MinimumSecretBytes} bytes.";
    }

    public SecurityKey? ProviderKey()
    {
        if (string.IsNullOrWhiteSpace(SigningKey)) return null;
        if (!IsPem(SigningKey)) return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
        if (TryEc(SigningKey) is { } ec) return ec;
        var rsa = RSA.Create();
        rsa.ImportFromPem(SigningKey);
        return new RsaSecurityKey(rsa);
    }

    private static ECDsaSecurityKey? TryEc(string pem)
    {
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            return null;
        }
    }

    private static bool IsPem(string key) => key.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
}
