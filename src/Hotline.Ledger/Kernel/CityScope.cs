namespace Hotline.Ledger.Kernel;

/// <summary>
/// The city the work in progress belongs to: set from the token's or session's <c>city</c> claim for a
/// request, and from the envelope's tenant for a message; absent for the default city (ADR 0110). The
/// store's default tenant follows it, so every session opened without naming a tenant — by hand or by
/// Wolverine — reaches this city's database, and the services that keep something per city key it here.
/// </summary>
public static class CityScope
{
    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The key the default city's per-city state is kept under.</summary>
    public const string DefaultKey = "";

    /// <summary>The city's code, or null for the default city.</summary>
    public static string? Current => Ambient.Value;

    /// <summary>The key per-city state is kept under: the code, or <see cref="DefaultKey"/>.</summary>
    public static string Key => Ambient.Value ?? DefaultKey;

    /// <summary>Work from here on, in this flow, is <paramref name="city"/>'s (null: the default city) until the scope ends.</summary>
    public static IDisposable Enter(string? city)
    {
        var before = Ambient.Value;
        Ambient.Value = string.IsNullOrEmpty(city) ? null : city;
        return new Scope(before);
    }

    private sealed class Scope(string? before) : IDisposable
    {
        public void Dispose() => Ambient.Value = before;
    }
}
