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
    public static (Rulebook? Rulebook, IReadOnlyList<string> Faults) Read(string json, string origin = "rulebook")
    {
        Rulebook? rulebook;
        try
        {
            rulebook = JsonSerializer.Deserialize<Rulebook>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [$"not valid rulebook JSON ({ex.Message})"]);
        }

        if (rulebook is null) return (null, ["empty document"]);
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
    public static IReadOnlyList<string> Faults(Rulebook book)
    {
        var faults = new List<string>();
        try
        {
            Check(book, faults.Add);
        }
        catch (Exception ex) when (ex is NullReferenceException or ArgumentNullException)
        {
            // JSON null where the measures need a value (a grade, a step, a part): the checks cannot go on.
            faults.Add("a required value is null (a grade, a scoring part or a step)");
        }

        return faults;
    }

    private static void Check(Rulebook book, Action<string> fail)
    {
        if (string.IsNullOrWhiteSpace(book.Id)) fail("the rulebook has no id");
        if (book.Clauses is null || book.Clauses.Count == 0) { fail("the rulebook has no clauses"); return; }
        // The checks below look clauses up by code: without every code, and each once, they cannot run.
        if (book.Clauses.Any(c => c is null)) { fail("a clause is null"); return; }
        if (book.Clauses.Any(c => string.IsNullOrWhiteSpace(c.Code))) { fail("a clause has no code"); return; }

        var duplicate = book.Clauses.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) { fail($"clause code '{duplicate.Key}' appears {duplicate.Count()} times"); return; }

        foreach (var clause in book.Clauses) ValidateClause(book, clause, fail);

        foreach (var subject in new[] { SubjectKind.Unit, SubjectKind.Person })
        {
            var sum = book.ScoredCriteria(subject).Sum(c => c.Points ?? 0m);
            if (sum != 100m) fail($"{subject.ToString().ToLowerInvariant()} criteria sum to {sum}, not 100");
        }

        ValidateGrades(book, fail);
        if (book.AppealWindowDays is < 1 or > 365) fail($"appealWindowDays is {book.AppealWindowDays}; it must lie between 1 and 365");
        ValidateCommendation(book, fail);
        ValidateAccountability(book, fail);

        foreach (var parent in book.Clauses.Where(c => book.HasChildren(c.Code)))
        {
            var children = book.Clauses.Where(c => c.Parent == parent.Code).Sum(c => c.Points ?? 0m);
            if (children != parent.Points) fail($"clause '{parent.Code}' is worth {parent.Points} but its parts sum to {children}");
        }

        RulebookScoringRules.Validate(book, fail);
    }

    /// <summary>Bands from the highest minimum down, names unique, and a last band that catches every total left.</summary>
    private static void ValidateGrades(Rulebook book, Action<string> fail)
    {
        if (book.Grades is null) return;
        if (book.Grades.Count == 0) fail("grades is empty; leave it out or name the bands");
        var names = book.Grades.Select(g => g.Name?.Trim() ?? "").ToList();
        if (names.Any(n => n.Length == 0)) fail("a grade has no name");
        var twice = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) fail($"grade '{twice.Key}' appears {twice.Count()} times");
        for (var i = 0; i < book.Grades.Count; i++)
        {
            var last = i == book.Grades.Count - 1;
            var min = book.Grades[i].Min;
            if (last && min is not null) fail($"the last grade '{names[i]}' must have no minimum, so that every total gets a grade");
            if (!last && min is null) fail($"grade '{names[i]}' has no minimum, but only the last grade may go without one");
            if (!last && i > 0 && min >= book.Grades[i - 1].Min)
                fail($"grades must be listed from the highest minimum down: '{names[i]}' ({min}) does not lie below '{names[i - 1]}' ({book.Grades[i - 1].Min})");
        }
    }

    /// <summary>The commendation section (ADR 0052): a sensible share, grades and clauses that exist.</summary>
    private static void ValidateCommendation(Rulebook book, Action<string> fail)
    {
        if (book.Commendation is not { } c) return;
        if (c.NominationsPerUnit is < 1 or > 50) fail($"commendation.nominationsPerUnit is {c.NominationsPerUnit}; it must lie between 1 and 50");
        ValidateEligibility(book, "commendation.units", c.Units, fail);
        ValidateEligibility(book, "commendation.people", c.People, fail);
    }

    private static void ValidateEligibility(Rulebook book, string at, EligibilityRules? rules, Action<string> fail)
    {
        if (rules is null) return;
        if (rules.MinTotal is < 0 or > 200) fail($"{at}.minTotal is {rules.MinTotal}; it must lie between 0 and 200");
        if (rules.MinGrade is { } grade && book.GradesReaching(grade).Count == 0)
            fail(book.Grades is null
                ? $"{at}.minGrade names '{grade}', but the rulebook has no grades"
                : $"{at}.minGrade names '{grade}', which is not one of the grades ({string.Join(", ", book.Grades.Select(g => g.Name))})");
        ValidateDeductionCodes(book, $"{at}.barredBy", rules.BarredBy, fail);
    }

    /// <summary>The accountability section (ADR 0053): deduction clauses that exist, a positive threshold, and at least one of the two.</summary>
    private static void ValidateAccountability(Rulebook book, Action<string> fail)
    {
        if (book.Accountability is not { } a) return;
        if ((a.Clauses is null || a.Clauses.Count == 0) && a.DeductionThreshold is null)
            fail("accountability names neither clauses nor a deductionThreshold; leave it out or say when a referral is due");
        if (a.DeductionThreshold is <= 0 or > 1000) fail($"accountability.deductionThreshold is {a.DeductionThreshold}; it is a magnitude between 0 (exclusive) and 1000");
        ValidateDeductionCodes(book, "accountability.clauses", a.Clauses, fail);
    }

    private static void ValidateDeductionCodes(Rulebook book, string at, IReadOnlyList<string>? codes, Action<string> fail)
    {
        if (codes is null) return;
        foreach (var code in codes)
        {
            var clause = book.Find(code ?? "");
            if (clause is null) fail($"{at} names '{code}', which is not a clause of the rulebook");
            else if (clause.Kind != ClauseKind.Deduction) fail($"{at} names '{code}', which is a {clause.Kind.ToString().ToLowerInvariant()}, not a deduction");
        }

        var twice = codes.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) fail($"{at} names '{twice.Key}' {twice.Count()} times");
    }

    private static void ValidateClause(Rulebook book, Clause clause, Action<string> fail)
    {
        var c = clause.Code;
        if (string.IsNullOrWhiteSpace(clause.Title)) fail($"clause '{c}' has no title");

        var fixedPoints = clause.Points is not null;
        var range = clause.MinPoints is not null || clause.MaxPoints is not null;
        if (fixedPoints == range) fail($"clause '{c}' must have either fixed points or a range (minPoints and maxPoints)");
        if (fixedPoints && clause.Points <= 0) fail($"clause '{c}' has points {clause.Points}; points are positive magnitudes");
        if (range)
        {
            if (clause.MinPoints is null || clause.MaxPoints is null) fail($"clause '{c}' has half a range");
            else if (clause.MinPoints <= 0 || clause.MinPoints > clause.MaxPoints) fail($"clause '{c}' has an empty or negative range {clause.MinPoints}–{clause.MaxPoints}");
        }

        if (clause.Kind == ClauseKind.Criterion)
        {
            if (range) fail($"criterion '{c}' must have fixed maximum points, not a range");
            if (clause.AppliesTo == AppliesTo.Both) fail($"criterion '{c}' must apply to units or to people, not both");
            if (clause.Frequency is not null) fail($"criterion '{c}' is scored once a year and takes no frequency");
        }
        else if (clause.Frequency is null)
        {
            fail($"{clause.Kind.ToString().ToLowerInvariant()} clause '{c}' has no frequency (each or oncePerYear)");
        }

        if (clause.Parent is not null)
        {
            var parent = book.Find(clause.Parent);
            if (parent is null) fail($"clause '{c}' names parent '{clause.Parent}', which is not in the rulebook");
            else if (parent.Kind != clause.Kind || parent.AppliesTo != clause.AppliesTo) fail($"clause '{c}' differs in kind or subject from its parent '{parent.Code}'");
        }
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new RulebookInvalidException(name, "embedded resource missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
