using System.Text.Json.Nodes;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>The draft against a rulebook, clause by clause, and the settings outside the clauses (grades, bounds, case feed...).</summary>
public sealed record RulebookDifferences(string ComparedTo, IReadOnlyList<ClauseChange> Clauses, IReadOnlyList<FieldChange> Settings)
{
    public const string Added = "added";
    public const string Dropped = "dropped";
    public const string Changed = "changed";

    public static RulebookDifferences Between(Rulebook before, Rulebook after)
    {
        var was = Node(before);
        var now = Node(after);
        var oldClauses = ClausesOf(was);
        var newClauses = ClausesOf(now);

        var changes = new List<ClauseChange>();
        // In the draft's order, then what it dropped in the old order: a reader follows the draft.
        foreach (var (code, clause) in newClauses)
        {
            if (!oldClauses.TryGetValue(code, out var old))
            {
                changes.Add(new(code, Added, Title(clause), [], null, clause));
                continue;
            }

            var fields = FieldsOf(old, clause);
            if (fields.Count > 0) changes.Add(new(code, Changed, Title(clause), fields, old, clause));
        }

        changes.AddRange(oldClauses.Where(c => !newClauses.ContainsKey(c.Key)).Select(c => new ClauseChange(c.Key, Dropped, Title(c.Value), [], c.Value, null)));

        was.Remove("clauses");
        now.Remove("clauses");
        return new(before.Id, changes, FieldsOf(was, now));
    }

    private static JsonObject Node(Rulebook book) => JsonNode.Parse(RulebookLoader.Write(book))!.AsObject();

    private static Dictionary<string, JsonObject> ClausesOf(JsonObject book)
    {
        var ordered = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var clause in book["clauses"]!.AsArray()) ordered[(string)clause!["code"]!] = clause.AsObject();
        return ordered;
    }

    private static string Title(JsonObject clause) => (string?)clause["title"] ?? "";

    private static List<FieldChange> FieldsOf(JsonObject before, JsonObject after) =>
        before.Select(p => p.Key).Union(after.Select(p => p.Key))
            .Where(k => !JsonNode.DeepEquals(before[k], after[k]))
            .Select(k => new FieldChange(k, before[k]?.DeepClone(), after[k]?.DeepClone()))
            .ToList();

    /// <summary>The clause codes a draft drops, for the what-if's notice of entries that no longer count.</summary>
    public IEnumerable<string> DroppedCodes => Clauses.Where(c => c.Change == Dropped).Select(c => c.Clause);
}
