using System.Text.RegularExpressions;

namespace Hotline.Ledger.Security;

/// <summary>How a route confines a liaison to their own unit. Every rule but <see cref="None"/> admits the liaison role.</summary>
public enum LiaisonScoping
{
    /// <summary>Liaisons are not admitted.</summary>
    None,

    /// <summary>Reference data that belongs to no unit (the rulebooks): any liaison may read it.</summary>
    Unscoped,

    /// <summary>The route's first parameter is a unit id: it must be the liaison's unit.</summary>
    UnitInPath,

    /// <summary>The route's first parameter is a person id: the person must have a membership in the liaison's unit.</summary>
    PersonInPath,

    /// <summary>The route's first parameter is an entry id: the entry must be recorded against the liaison's unit.</summary>
    EntryInPath,

    /// <summary>The route's first parameter is a mark id: the mark's subject must be the liaison's unit or one of its people.</summary>
    MarkInPath,

    /// <summary>
    /// A list: <c>unitId</c> and <c>personId</c> in the query, when given, must be the liaison's; the endpoint
    /// filters its rows with <c>LiaisonScope.Of</c> so that nothing of another unit is listed.
    /// </summary>
    Query,

    /// <summary>
    /// The unit is in the body or behind another id: the endpoint itself must call
    /// <c>LiaisonScope.RefuseUnit</c> or <c>LiaisonScope.RefusePerson</c> before it answers.
    /// </summary>
    Endpoint,
}

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
