using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;
using Marten.Linq.MatchesSql;

namespace Hotline.Ledger.Registry.People;

public static class PersonEndpoints
{
    /// <summary>
    /// The people by name; <c>q</c> finds a name containing it (any case). With <c>q</c>, <c>limit</c> or <c>after</c>
    /// the answer is a page <c>{items, next}</c>; without any, the bare array of them all (ADR 0068).
    /// </summary>
    [WolverineGet("/api/people", OperationId = "listPeople")]
    public static async Task<JsonOrFile<IReadOnlyList<PersonView>>> List(IQuerySession session, Guid? unitId, HttpContext http, string? q, string? limit, string? after, string? format)
    {
        var (export, unknown) = Hotline.Ledger.Exports.TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<IReadOnlyList<PersonView>>.Refused(unknown);
        var query = session.Query<Person>().AsQueryable();
        if (unitId is { } unit) query = query.Where(p => p.UnitId == unit);
        // A liaison is listed the people with a membership in their unit only.
        var scope = await LiaisonScope.Of(http, session);
        if (export is { } chosen)
        {
            // Every person found, not a page (ADR 0082).
            if (Search.Pattern(q) is { } found) query = query.Where(p => p.MatchesSql("d.data ->> 'name' ilike ?", found));
            var people = (await query.OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync()).Where(scope.Sees).ToList();
            var unitIds = people.SelectMany(p => p.Memberships.Select(m => m.UnitId).Append(p.UnitId)).Distinct().ToArray();
            var units = unitIds.Length == 0 ? [] : (await session.LoadManyAsync<Hotline.Ledger.Registry.Units.Unit>(http.RequestAborted, unitIds)).ToDictionary(u => u.Id);
            return JsonOrFile<IReadOnlyList<PersonView>>.File(Hotline.Ledger.Exports.TableExport.File(http.Request, chosen, "people", "人员", PersonRow.Columns,
                people.Select(p => new PersonRow(PersonView.Of(p), units))));
        }

        if (!Paging.Asked(limit, after) && string.IsNullOrWhiteSpace(q))
            return JsonOrFile<IReadOnlyList<PersonView>>.Json((await query.OrderBy(p => p.Name).ToListAsync()).Where(scope.Sees).Select(PersonView.Of).ToList());

        var (paging, refusal) = Paging.Parse(limit, after, 2);
        if (refusal is not null) return JsonOrFile<IReadOnlyList<PersonView>>.Refused(refusal);
        if (paging!.After is { } cursor && !Guid.TryParseExact(cursor[1], "N", out _))
            return JsonOrFile<IReadOnlyList<PersonView>>.Refused(Paging.BadCursor);
        if (scope.Confined)
        {
            // Filtered in the query, so that a liaison's pages are whole.
            var own = System.Text.Json.JsonSerializer.Serialize(new[] { new { unitId = scope.UnitId ?? Guid.Empty } });
            query = query.Where(p => p.MatchesSql("d.data -> 'memberships' @> ?::jsonb", own));
        }

        if (Search.Pattern(q) is { } pattern) query = query.Where(p => p.MatchesSql("d.data ->> 'name' ilike ?", pattern));
        if (paging.After is { } after2)
            query = query.Where(p => p.MatchesSql("(d.data ->> 'name', d.id) > (?, ?)", after2[0], Guid.ParseExact(after2[1], "N")));
        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(paging.Limit + 1).ToListAsync();
        return JsonOrFile<IReadOnlyList<PersonView>>.Paged(paging.Take(rows, PersonView.Of, p => Paging.Cursor(p.Name, p.Id.ToString("N"))));
    }

    /// <summary>The person; <c>?format=csv|xlsx</c> downloads their memberships, a unit and its days a row (ADR 0082).</summary>
    [WolverineGet("/api/people/{id}", OperationId = "getPerson")]
    public static async Task<JsonOrFile<PersonView>> Get(Guid id, IQuerySession session, HttpContext http, string? format)
    {
        var (export, unknown) = Hotline.Ledger.Exports.TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<PersonView>.Refused(unknown);
        var person = await session.LoadAsync<Person>(id);
        if (person is null) return JsonOrFile<PersonView>.Refused(Problems.NotFoundProblem("person", id));
        if (export is not { } chosen) return JsonOrFile<PersonView>.Json(PersonView.Of(person));
        var units = (await session.LoadManyAsync<Unit>(http.RequestAborted, person.Memberships.Select(m => m.UnitId).Distinct().ToArray())).ToDictionary(u => u.Id);
        return JsonOrFile<PersonView>.File(Hotline.Ledger.Exports.TableExport.File(http.Request, chosen, "memberships", $"{person.Name} 所在单位", MembershipColumns,
            person.Memberships.Select(m => (m, units.GetValueOrDefault(m.UnitId)))));
    }

    private static readonly IReadOnlyList<Hotline.Ledger.Exports.Column<(Membership Membership, Unit? Unit)>> MembershipColumns =
    [
        new("单位代码", r => r.Unit?.Code), new("单位名称", r => r.Unit?.Name), new("自", r => r.Membership.From), new("至", r => r.Membership.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "至今"),
    ];
}
