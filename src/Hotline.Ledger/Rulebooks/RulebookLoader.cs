using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hotline.Ledger.Rulebooks;

/// <summary>Reads rulebooks from JSON and refuses any that would score wrongly.</summary>
public static class RulebookLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The rulebooks embedded in this assembly (Rulebooks/Data/*.json).</summary>
    public static IReadOnlyList<Rulebook> LoadBuiltIn()
    {
        var assembly = typeof(RulebookLoader).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Rulebooks.Data.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(ReadResource(assembly, n), n))
            .ToList();
    }

    public static Rulebook Parse(string json, string origin = "rulebook")
    {
        var (rulebook, faults) = Read(json, origin);
        if (faults.Count > 0) throw new RulebookInvalidException(rulebook?.Id is { Length: > 0 } id ? id : origin, faults[0]);
        return rulebook!;
    }

    /// <summary>
    /// The rulebook in <paramref name="json"/> and every fault the loader finds in it, in the order the
    /// checks run (start-up refuses on the first; a draft's answer names them all).
    /// </summary>
    public static (Rulebook? Rulebook, IReadOnlyList<Refusal> Faults) Read(string json, string origin = "rulebook")
    {
        Rulebook? rulebook;
        try
        {
            rulebook = JsonSerializer.Deserialize<Rulebook>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [new Refusal("rulebook.json", ex.Message)]);
        }

        if (rulebook is null) return (null, [new Refusal("rulebook.empty")]);
        return (rulebook, Faults(rulebook));
    }

    /// <summary>The rulebook as the loader reads it: the JSON a draft is stored and compared as.</summary>
    public static string Write(Rulebook rulebook) => JsonSerializer.Serialize(rulebook, Written);

    // Only what the loader reads: the derived properties (maxMagnitude, isRange...) stay out of a draft's JSON.
    private static readonly JsonSerializerOptions Written = new(Json)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutDerived } },
    };

    private static void WithoutDerived(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties.Where(p => p.Set is null).ToList()) type.Properties.Remove(property);
    }

    public static void Validate(Rulebook book)
    {
        var faults = Faults(book);
        if (faults.Count > 0) throw new RulebookInvalidException(string.IsNullOrWhiteSpace(book.Id) ? "(no id)" : book.Id, faults[0]);
    }

    /// <summary>Every fault of the rulebook; empty when it would score correctly.</summary>
    public static IReadOnlyList<Refusal> Faults(Rulebook book)
    {
        var faults = new List<Refusal>();
        try
        {
            Check(book, faults.Add);
        }
        catch (Exception ex) when (ex is NullReferenceException or ArgumentNullException)
        {
            // JSON null where the measures need a value (a grade, a step, a part): the checks cannot go on.
            faults.Add(new Refusal("rulebook.nullValue"));
        }

        return faults;
    }

    private static void Check(Rulebook book, Action<Refusal> fail)
    {
        if (string.IsNullOrWhiteSpace(book.Id)) fail(new Refusal("rulebook.id.required"));
        if (book.Clauses is null || book.Clauses.Count == 0) { fail(new Refusal("rulebook.clauses.required")); return; }
        // The checks below look clauses up by code: without every code, and each once, they cannot run.
        if (book.Clauses.Any(c => c is null)) { fail(new Refusal("rulebook.clause.null")); return; }
        if (book.Clauses.Any(c => string.IsNullOrWhiteSpace(c.Code))) { fail(new Refusal("rulebook.clause.noCode")); return; }

        var duplicate = book.Clauses.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) { fail(new Refusal("rulebook.clause.repeated", duplicate.Key, duplicate.Count())); return; }

        foreach (var clause in book.Clauses) ValidateClause(book, clause, fail);

        foreach (var subject in new[] { SubjectKind.Unit, SubjectKind.Person })
        {
            var sum = book.ScoredCriteria(subject).Sum(c => c.Points ?? 0m);
            if (sum != 100m) fail(new Refusal("rulebook.criteria.sum", new Refusal($"kind.{subject.ToString().ToLowerInvariant()}"), sum));
        }

        ValidateGrades(book, fail);
        if (book.AppealWindowDays is < 1 or > 365) fail(new Refusal("rulebook.appealWindowDays.outOfRange", book.AppealWindowDays));
        ValidateCommendation(book, fail);
        ValidateAccountability(book, fail);

        foreach (var parent in book.Clauses.Where(c => book.HasChildren(c.Code)))
        {
            var children = book.Clauses.Where(c => c.Parent == parent.Code).Sum(c => c.Points ?? 0m);
            if (children != parent.Points) fail(new Refusal("rulebook.clause.partsSum", parent.Code, parent.Points, children));
        }

        RulebookScoringRules.Validate(book, fail);
    }

    /// <summary>Bands from the highest minimum down, names unique, and a last band that catches every total left.</summary>
    private static void ValidateGrades(Rulebook book, Action<Refusal> fail)
    {
        if (book.Grades is null) return;
        if (book.Grades.Count == 0) fail(new Refusal("rulebook.grades.empty"));
        var names = book.Grades.Select(g => g.Name?.Trim() ?? "").ToList();
        if (names.Any(n => n.Length == 0)) fail(new Refusal("rulebook.grade.noName"));
        var twice = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) fail(new Refusal("rulebook.grade.repeated", twice.Key, twice.Count()));
        for (var i = 0; i < book.Grades.Count; i++)
        {
            var last = i == book.Grades.Count - 1;
            var min = book.Grades[i].Min;
            if (last && min is not null) fail(new Refusal("rulebook.grade.lastHasMinimum", names[i]));
            if (!last && min is null) fail(new Refusal("rulebook.grade.noMinimum", names[i]));
            if (!last && i > 0 && min >= book.Grades[i - 1].Min)
                fail(new Refusal("rulebook.grades.order", names[i], min, names[i - 1], book.Grades[i - 1].Min));
        }
    }

    /// <summary>The commendation section (ADR 0052): a sensible share, grades and clauses that exist.</summary>
    private static void ValidateCommendation(Rulebook book, Action<Refusal> fail)
    {
        if (book.Commendation is not { } c) return;
        if (c.NominationsPerUnit is < 1 or > 50) fail(new Refusal("rulebook.nominationsPerUnit.outOfRange", c.NominationsPerUnit));
        ValidateEligibility(book, "commendation.units", c.Units, fail);
        ValidateEligibility(book, "commendation.people", c.People, fail);
    }

    private static void ValidateEligibility(Rulebook book, string at, EligibilityRules? rules, Action<Refusal> fail)
    {
        if (rules is null) return;
        if (rules.MinTotal is < 0 or > 200) fail(new Refusal("rulebook.minTotal.outOfRange", at, rules.MinTotal));
        if (rules.MinGrade is { } grade && book.GradesReaching(grade).Count == 0)
            fail(book.Grades is null
                ? new Refusal("rulebook.minGrade.noGrades", at, grade)
                : new Refusal("rulebook.minGrade.unknown", at, grade, string.Join(", ", book.Grades.Select(g => g.Name))));
        ValidateDeductionCodes(book, $"{at}.barredBy", rules.BarredBy, fail);
    }

    /// <summary>The accountability section (ADR 0053): deduction clauses that exist, a positive threshold, and at least one of the two.</summary>
    private static void ValidateAccountability(Rulebook book, Action<Refusal> fail)
    {
        if (book.Accountability is not { } a) return;
        if ((a.Clauses is null || a.Clauses.Count == 0) && a.DeductionThreshold is null)
            fail(new Refusal("rulebook.accountability.empty"));
        if (a.DeductionThreshold is <= 0 or > 1000) fail(new Refusal("rulebook.deductionThreshold.outOfRange", a.DeductionThreshold));
        ValidateDeductionCodes(book, "accountability.clauses", a.Clauses, fail);
    }

    private static void ValidateDeductionCodes(Rulebook book, string at, IReadOnlyList<string>? codes, Action<Refusal> fail)
    {
        if (codes is null) return;
        foreach (var code in codes)
        {
            var clause = book.Find(code ?? "");
            if (clause is null) fail(new Refusal("rulebook.codes.unknown", at, code));
            else if (clause.Kind != ClauseKind.Deduction) fail(new Refusal("rulebook.codes.notDeduction", at, code, new Refusal($"kind.{clause.Kind.ToString().ToLowerInvariant()}")));
        }

        var twice = codes.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) fail(new Refusal("rulebook.codes.repeated", at, twice.Key, twice.Count()));
    }

    private static void ValidateClause(Rulebook book, Clause clause, Action<Refusal> fail)
    {
        var c = clause.Code;
        if (string.IsNullOrWhiteSpace(clause.Title)) fail(new Refusal("rulebook.clause.noTitle", c));

        var fixedPoints = clause.Points is not null;
        var range = clause.MinPoints is not null || clause.MaxPoints is not null;
        if (fixedPoints == range) fail(new Refusal("rulebook.clause.pointsOrRange", c));
        if (fixedPoints && clause.Points <= 0) fail(new Refusal("rulebook.clause.pointsNotPositive", c, clause.Points));
        if (range)
        {
            if (clause.MinPoints is null || clause.MaxPoints is null) fail(new Refusal("rulebook.clause.halfRange", c));
            else if (clause.MinPoints <= 0 || clause.MinPoints > clause.MaxPoints) fail(new Refusal("rulebook.clause.emptyRange", c, clause.MinPoints, clause.MaxPoints));
        }

        if (clause.Kind == ClauseKind.Criterion)
        {
            if (range) fail(new Refusal("rulebook.criterion.range", c));
            if (clause.AppliesTo == AppliesTo.Both) fail(new Refusal("rulebook.criterion.both", c));
            if (clause.Frequency is not null) fail(new Refusal("rulebook.criterion.frequency", c));
        }
        else if (clause.Frequency is null)
        {
            fail(new Refusal("rulebook.clause.noFrequency", new Refusal($"kind.{clause.Kind.ToString().ToLowerInvariant()}"), c));
        }

        if (clause.Parent is not null)
        {
            var parent = book.Find(clause.Parent);
            if (parent is null) fail(new Refusal("rulebook.clause.unknownParent", c, clause.Parent));
            else if (parent.Kind != clause.Kind || parent.AppliesTo != clause.AppliesTo) fail(new Refusal("rulebook.clause.parentDiffers", c, parent.Code));
        }
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new RulebookInvalidException(name, new("rulebook.resource.missing"));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
