using System.Security.Claims;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Registry;

/// <summary>
/// Keeps a liaison to their own unit. The access matrix applies it to ids in the path (entries and marks:
/// <c>EntryScope</c>, <c>MarkScope</c>, in their slices); endpoints whose
/// unit is in the body, behind another id, or spread over a list call it themselves:
/// <code>
/// if (await LiaisonScope.RefuseUnit(http, session, unitId) is { } refusal) return refusal;
/// var scope = await LiaisonScope.Of(http, session);
/// rows = rows.Where(r => scope.Sees(r.UnitId));
/// </code>
/// </summary>
public static class LiaisonScope
{
    private const string CacheKey = "hotline.unit-scope";

    /// <summary>The caller's scope, resolved once per request (the unit claim holds the unit's code).</summary>
    public static async Task<UnitScope> Of(HttpContext http, IQuerySession session)
    {
        if (http.Items.TryGetValue(CacheKey, out var cached) && cached is UnitScope scope) return scope;
        scope = await Resolve(http.User, session, http.RequestAborted);
        http.Items[CacheKey] = scope;
        return scope;
    }

    public static async Task<UnitScope> Resolve(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation = default)
    {
        if (Roles.SeeEveryUnit.Any(user.IsInRole)) return UnitScope.Everything;
        if (!user.IsInRole(Roles.Liaison)) return new UnitScope(true, null, null);

        var code = user.FindFirst(HotlineClaims.Unit)?.Value;
        if (string.IsNullOrWhiteSpace(code)) return new UnitScope(true, null, null);
        var key = Unit.KeyOf(code);
        var unit = await session.Query<Unit>().Where(u => u.CodeKey == key).FirstOrDefaultAsync(cancellation);
        return new UnitScope(true, unit?.Id, code);
    }

    /// <summary>Null when the caller may see the unit; otherwise the 403 to answer.</summary>
    public static async Task<IResult?> RefuseUnit(HttpContext http, IQuerySession session, Guid unitId)
    {
        var scope = await Of(http, session);
        return scope.Sees(unitId) ? null : Refusal(scope);
    }

    /// <summary>Null when the caller may see the person (any membership in their unit); otherwise the 403 to answer.</summary>
    public static async Task<IResult?> RefusePerson(HttpContext http, IQuerySession session, Guid personId)
    {
        var scope = await Of(http, session);
        return await SeesPerson(scope, session, personId, http.RequestAborted) ? null : Refusal(scope);
    }

    public static async Task<bool> SeesPerson(UnitScope scope, IQuerySession session, Guid personId, CancellationToken cancellation = default) =>
        !scope.Confined || (await session.LoadAsync<Person>(personId, cancellation) is { } person && scope.Sees(person));

    /// <summary>
    /// Keeps the rows the caller may see (all of them for everyone but a liaison): a row counted for a
    /// unit is the liaison's when the unit is theirs; a row about a person alone, when the person is.
    /// </summary>
    public static async Task<List<T>> Filter<T>(HttpContext http, IQuerySession session, IEnumerable<T> rows, Func<T, Guid?> unitOf, Func<T, Guid?> personOf)
    {
        var scope = await Of(http, session);
        if (!scope.Confined) return rows.ToList();

        var seen = new List<T>();
        var people = new Dictionary<Guid, bool>();
        foreach (var row in rows)
        {
            if (unitOf(row) is { } unit)
            {
                if (scope.Sees(unit)) seen.Add(row);
            }
            else if (personOf(row) is { } person)
            {
                if (!people.TryGetValue(person, out var sees))
                    people[person] = sees = await SeesPerson(scope, session, person, http.RequestAborted);
                if (sees) seen.Add(row);
            }
        }

        return seen;
    }

    /// <summary>Why a confined caller is turned away; says nothing about whether the thing asked for exists.</summary>
    public static Refusal Reason(UnitScope scope) => scope switch
    {
        { UnitCode: null } => new("auth.forbidden.noUnit"),
        { UnitId: null } => new("auth.forbidden.unknownUnit", scope.UnitCode),
        _ => new("auth.forbidden.otherUnit", scope.UnitCode),
    };

    public static IResult Refusal(UnitScope scope) => Results.Problem(Forbidden(scope));

    /// <summary>The 403 of <see cref="Refusal"/> as the problem itself, for a Wolverine <c>Before</c>/<c>Load</c> step to return.</summary>
    public static ProblemDetails Forbidden(UnitScope scope)
    {
        var reason = Reason(scope);
        return Problems.StatusProblem(StatusCodes.Status403Forbidden, reason.Code, reason.Args);
    }
}
