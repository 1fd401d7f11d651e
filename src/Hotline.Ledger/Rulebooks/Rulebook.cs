namespace Hotline.Ledger.Rulebooks;

/// <summary>A version of the measures, as data. Revisions are new rulebooks with a later effective date.</summary>
public sealed record Rulebook(
    string Id,
    string Title,
    string? Source,
    DateOnly EffectiveFrom,
    IReadOnlyList<Clause> Clauses,
    IReadOnlyList<Procedure> Procedures,
    decimal? TotalCeiling = null,
    decimal? TotalFloor = null,
    IReadOnlyList<Grade>? Grades = null,
    int? AppealWindowDays = null,
    CaseFeedRules? CaseFeed = null,
    CommendationRules? Commendation = null,
    AccountabilityRules? Accountability = null)
{
    /// <summary>The window for an appeal when the rulebook names none (ADR 0030).</summary>
    public const int DefaultAppealWindowDays = 15;

    public int AppealWindowOrDefault() => AppealWindowDays ?? DefaultAppealWindowDays;

    /// <summary>The grade band a total falls in (bands are ordered from the highest; the last catches all), or null without bands.</summary>
    /// <summary>
    /// The bands that reach <paramref name="minGrade"/>: it and every band above it (bands run from the
    /// highest down). Empty when the rulebook has no such band.
    /// </summary>
    public IReadOnlyList<string> GradesReaching(string minGrade)
    {
        if (Grades is null) return [];
        var at = Grades.Select(g => g.Name).ToList().IndexOf(minGrade);
        return at < 0 ? [] : Grades.Take(at + 1).Select(g => g.Name).ToList();
    }

    public string? GradeOf(decimal total) =>
        Grades is null or { Count: 0 } ? null : Grades.FirstOrDefault(g => g.Min is null || total >= g.Min)?.Name;

    // TotalCeiling/TotalFloor: the measures do not bound a total (ADR 0005); an office that wants
    // 100 as a ceiling or 0 as a floor sets them in its rulebook.

    /// <summary>A total within the ceiling and floor, as a scorecard bounds it.</summary>
    public decimal Bounded(decimal total)
    {
        if (TotalCeiling is { } ceiling && total > ceiling) total = ceiling;
        if (TotalFloor is { } floor && total < floor) total = floor;
        return total;
    }

    private Dictionary<string, Clause>? _byCode;

    public Clause? Find(string code)
    {
        _byCode ??= Clauses.ToDictionary(c => c.Code, StringComparer.Ordinal);
        return _byCode.GetValueOrDefault(code);
    }

    public bool HasChildren(string code) => Clauses.Any(c => c.Parent == code);

    /// <summary>The criteria that carry marks or computed points: leaves, not the U1–U4 headings.</summary>
    public IEnumerable<Clause> ScoredCriteria(SubjectKind subject) =>
        Clauses.Where(c => c.Kind == ClauseKind.Criterion && c.Credits(subject) && !HasChildren(c.Code));
}
