using static Hotline.Ledger.Security.LiaisonScoping;
using static Hotline.Ledger.Security.Roles;

namespace Hotline.Ledger.Security;

/// <summary>
/// Who may call which route: the one table the whole API is authorised from (docs/security.md shows
/// it; AccessMatrixTests check it route by route). A route that is mapped but has no row here is
/// refused to everyone and fails the build's tests, so a new endpoint must add its row.
/// Rows for routes not yet built are kept so that their authors find the decision already taken.
/// </summary>
public static class AccessMatrix
{
    /// <summary>The largest request body a route takes unless its row says otherwise.</summary>
    public const long DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>Everyone who reads across units.</summary>
    private static readonly string[] Readers = [Office, Assessor, Auditor, Inspector, Leader];

    /// <summary>
    /// Who reads draft rulebooks and their what-ifs: the office that drafts, the auditor, and the leaders who
    /// adopt. A scorecard under a draft (<c>?rulebook=draft:ID</c>) is refused to anyone else by the endpoint.
    /// </summary>
    public static readonly string[] DraftReaders = [Office, Auditor, Leader];

    public static readonly IReadOnlyList<AccessRule> Rows =
    [
        // Reference data (registry, rulebooks)
        Post("/api/units", [Office]),
        Get("/api/units", Readers, Query),
        Get("/api/units/{id}", Readers, UnitInPath),
        Post("/api/people", [Office]),
        Get("/api/people", Readers, Query),
        Get("/api/people/{id}", Readers, PersonInPath),
        Post("/api/people/{id}/transfers", [Office]),
        Post("/api/people/{id}/departures", [Office]),
        Get("/api/rulebooks", Readers, Unscoped),
        Get("/api/rulebooks/in-force", Readers, Unscoped),
        Get("/api/rulebooks/{id}", Readers, Unscoped),
        Get("/api/rulebooks/revisions", Readers, Unscoped),

        // Draft rulebooks and what they would do: the office drafts, the auditor reads, a leader adopts
        Post("/api/rulebooks/drafts", [Office]),
        Get("/api/rulebooks/drafts", DraftReaders),
        Get("/api/rulebooks/drafts/{id}", DraftReaders),
        Put("/api/rulebooks/drafts/{id}", [Office]),
        Delete("/api/rulebooks/drafts/{id}", [Office]),
        Post("/api/rulebooks/drafts/{id}/submit", [Office]),
        Post("/api/rulebooks/drafts/{id}/return", [Leader]),
        Post("/api/rulebooks/drafts/{id}/approve", [Leader]),
        Get("/api/what-if", DraftReaders),

        // The ledger
        Post("/api/entries", [Office]),
        Get("/api/entries", Readers, Query),
        Get("/api/entries/{id}", Readers, EntryInPath),
        Post("/api/entries/{id}/rescind", [Office]),
        Post("/api/marks", [Assessor]),
        Get("/api/marks/{id}", Readers, MarkInPath),

        // Who did what, and proof nobody rewrote it
        Get("/api/integrity", [Office, Auditor, Inspector, Leader]),
        Get("/api/integrity/status", [Office, Auditor, Inspector, Leader]),
        Get("/api/audit/reads", [Auditor, Inspector]),

        // Scores and the evidence trail
        Get("/api/units/{id}/score", Readers, UnitInPath),
        Get("/api/people/{id}/score", Readers, PersonInPath),
        Get("/api/rankings", Readers),
        Get("/api/units/{id}/score/series", Readers, UnitInPath),
        Get("/api/people/{id}/score/series", Readers, PersonInPath),
        Get("/api/units/{id}/changes", Readers, UnitInPath),
        Get("/api/people/{id}/changes", Readers, PersonInPath),
        Get("/api/units/{id}/rank/series", Readers),
        Get("/api/evidence", Readers, Query),

        // The case feed: a batch holds up to 10,000 rows
        Post("/api/cases/events", [Feed, Office], maxBodyBytes: 16 * 1024 * 1024),
        Post("/api/cases/events.csv", [Feed, Office], maxBodyBytes: 16 * 1024 * 1024),
        Get("/api/cases/{id}", Readers, LiaisonScoping.Endpoint),
        Get("/api/units/{id}/rates", Readers, UnitInPath),
        Get("/api/people/{id}/rates", Readers, PersonInPath),
        Post("/api/units/{id}/monthly-reports", [Office], UnitInPath),
        Get("/api/units/{id}/monthly-reports", Readers, UnitInPath),
        Get("/api/warnings", Readers, Query),

        // The evaluation cycle
        Post("/api/appeals", [Office], LiaisonScoping.Endpoint),
        Get("/api/appeals", Readers, Query),
        Get("/api/appeals/{id}", Readers, LiaisonScoping.Endpoint),
        Post("/api/appeals/{id}/decision", [Office]),
        Post("/api/circulars", [Office]),
        Get("/api/circulars", Readers),
        Get("/api/circulars/{id}", Readers),
        Post("/api/evaluations", [Office]),
        Get("/api/evaluations", Readers),
        Get("/api/evaluations/{id}", Readers),
        Post("/api/evaluations/{id}/recompute", [Office]),
        Post("/api/evaluations/{id}/remarks", [Office]),
        Post("/api/evaluations/{id}/submit", [Office]),
        Post("/api/evaluations/{id}/return", [Leader]),
        Post("/api/evaluations/{id}/approve", [Leader]),

        // Self-checks, spot checks, commendations and accountability
        Post("/api/units/{id}/self-checks", [Office], UnitInPath),
        Get("/api/units/{id}/self-checks", Readers, UnitInPath),
        Get("/api/units/{id}/self-checks/{month}", Readers, UnitInPath),
        Get("/api/units/{id}/self-assessment", Readers, UnitInPath),
        Post("/api/spot-checks", [Office]),
        Post("/api/spot-checks/{id}/entries", [Office]),
        Get("/api/spot-checks", Readers),
        Get("/api/spot-checks/{id}", Readers),
        Post("/api/commendation-plans", [Office]),
        Get("/api/commendation-plans", Readers, Unscoped),
        Get("/api/commendation-plans/{id}", Readers, Unscoped),
        Post("/api/commendation-plans/{id}/revise", [Office]),
        Post("/api/commendation-plans/{id}/submit", [Office]),
        Post("/api/commendation-plans/{id}/return", [Leader]),
        Post("/api/commendation-plans/{id}/approve", [Leader]),
        Post("/api/commendation-plans/{id}/applications", [Office], LiaisonScoping.Endpoint),
        Get("/api/commendation-plans/{id}/applications", Readers, Query),
        Get("/api/commendation-plans/{id}/candidates", Readers),
        Post("/api/commendation-plans/{id}/shortlist", [Office]),
        Post("/api/commendation-plans/{id}/shortlist/submit", [Office]),
        Post("/api/commendation-plans/{id}/shortlist/return", [Leader]),
        Post("/api/commendation-plans/{id}/shortlist/approve", [Leader]),
        Post("/api/commendations", [Office]),
        Get("/api/commendations", Readers),
        Post("/api/referrals", [Office]),
        Get("/api/referrals", [Office, Auditor, Inspector, Leader]),
        Get("/api/referrals/{id}", [Office, Auditor, Inspector, Leader]),
        Get("/api/referrals/{id}/bundle", [Office, Auditor, Inspector]),

        // The province reads across cities, each city through its own ledger; it writes nothing, and no city's role reads these
        Get("/api/province/cities", [Roles.Province]),
        Get("/api/province/summary", [Roles.Province]),
        Get("/api/province/summary/download", [Roles.Province]),
        Get("/api/province/cities/{code}/circulars", [Roles.Province]),
        Get("/api/province/cities/{code}/circulars/{id}", [Roles.Province]),
        Get("/api/province/cities/{code}/results", [Roles.Province]),
        Get("/api/province/cities/{code}/results/{year}", [Roles.Province]),
        Get("/api/province/cities/{code}/rates", [Roles.Province]),

        // Notices: a liaison subscribes and reads for their own unit only (checked by the endpoint)
        Post("/api/notice-subscriptions", [Office], LiaisonScoping.Endpoint),
        Get("/api/notice-subscriptions", [Office], LiaisonScoping.Endpoint),
        Delete("/api/notice-subscriptions/{id}", [Office], LiaisonScoping.Endpoint),
        Get("/api/notices", [Office], LiaisonScoping.Endpoint),
        Post("/api/notices/{id}/read", [Office], LiaisonScoping.Endpoint),
        Get("/api/notices/failed", [Office]),
        Post("/api/notices/failed/{id}/retry", [Office]),

        // The cities on the deployment: the province's administrator lists and adds them (ADR 0111)
        Get("/api/cities", [ProvinceAdmin]),
        Post("/api/cities", [ProvinceAdmin]),
        // Taking a city out of service and back, and its service record (ADR 0185)
        Get("/api/cities/{code}/states", [ProvinceAdmin]),
        Post("/api/cities/{code}/disable", [ProvinceAdmin]),
        Post("/api/cities/{code}/enable", [ProvinceAdmin]),
    ];

    private static readonly Dictionary<string, AccessRule> ByKey = Rows.ToDictionary(r => r.Key);

    /// <summary>The row for a route, or null: a route without a row is refused to everyone.</summary>
    public static AccessRule? Find(string method, string route) =>
        ByKey.GetValueOrDefault(AccessRule.KeyOf(method, route));

    private static AccessRule Get(string route, string[] roles, LiaisonScoping liaison = None) =>
        new("GET", route, roles, liaison, DefaultMaxBodyBytes);

    private static AccessRule Put(string route, string[] roles) => new("PUT", route, roles, None, DefaultMaxBodyBytes);

    private static AccessRule Delete(string route, string[] roles, LiaisonScoping liaison = None) =>
        new("DELETE", route, roles, liaison, DefaultMaxBodyBytes);

    private static AccessRule Post(string route, string[] roles, LiaisonScoping liaison = None, long maxBodyBytes = DefaultMaxBodyBytes) =>
        new("POST", route, roles, liaison, maxBodyBytes);
}
