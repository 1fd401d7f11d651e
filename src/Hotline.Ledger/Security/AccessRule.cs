using System.Text.RegularExpressions;

namespace Hotline.Ledger.Security;

/// <summary>One row of the access matrix: who may call a route, and how a liaison is confined on it.</summary>
public sealed record AccessRule(string Method, string Route, IReadOnlyList<string> Granted, LiaisonScoping Liaison, long MaxBodyBytes)
{
    /// <summary>The roles admitted: those granted, and the liaison when the row says how to confine them.</summary>
    public IReadOnlyList<string> Roles { get; } =
        Liaison == LiaisonScoping.None ? Granted : [.. Granted.Where(r => r != Security.Roles.Liaison), Security.Roles.Liaison];

    public string Key { get; } = KeyOf(Method, Route);

    public bool Admits(string role) => Roles.Contains(role);

    /// <summary>
    /// Routes match whatever their parameters are called or constrained to: "/api/units/{unitId:guid}/score"
    /// and "/api/units/{id}/score" are the same row.
    /// </summary>
    public static string KeyOf(string method, string route)
    {
        var path = "/" + route.Trim().Trim('/');
        path = Parameter.Replace(path, "{}");
        return $"{method.ToUpperInvariant()} {path.ToLowerInvariant()}";
    }

    private static readonly Regex Parameter = new(@"\{[^}]*\}", RegexOptions.Compiled);
}
