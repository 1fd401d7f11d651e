using System.Text.Json.Nodes;

namespace Hotline.Ledger.Web.Pages.Rulebooks;

/// <summary>
/// The clause editor's fields applied to a draft's rulebook (the loader's JSON): a clause's points or range,
/// and each scoring part's points, floor and target. Fields are named <c>c:CODE:FIELD</c> and
/// <c>c:CODE:parts:I:FIELD</c>; a value equal to the one held is left as it is, so an unchanged form changes nothing.
/// </summary>
public static class ClauseEdit
{
    public const string Prefix = "c:";

    private static readonly HashSet<string> ClauseFields = new(StringComparer.Ordinal) { "points", "minPoints", "maxPoints" };
    private static readonly HashSet<string> PartFields = new(StringComparer.Ordinal) { "points", "floor", "target" };

    /// <summary>Applies the form's values to <paramref name="book"/>; returns what could not be read, as the office reads it.</summary>
    public static List<string> Apply(JsonObject book, IEnumerable<KeyValuePair<string, string?>> form)
    {
        var faults = new List<string>();
        var clauses = book["clauses"]?.AsArray().OfType<JsonObject>().ToDictionary(c => (string?)c["code"] ?? "", StringComparer.Ordinal) ?? [];
        foreach (var (name, raw) in form)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || string.IsNullOrWhiteSpace(raw)) continue;
            var parts = name[Prefix.Length..].Split(':');
            if (!clauses.TryGetValue(parts[0], out var clause)) continue;
            if (!decimal.TryParse(raw.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                faults.Add($"{parts[0]}：“{raw}”不是数字。");
                continue;
            }

            if (parts.Length == 2 && ClauseFields.Contains(parts[1])) Set(clause, parts[1], value);
            else if (parts.Length == 4 && parts[1] == "parts" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                     && PartFields.Contains(parts[3])
                     && clause["scoring"]?["parts"] is JsonArray list && i < list.Count && list[i] is JsonObject part)
            {
                if (parts[3] == "points") Set(part, "points", value);
                else if (part["function"] is JsonObject function) Set(function, parts[3], value);
            }
        }

        return faults;
    }

    public static decimal? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    private static void Set(JsonObject target, string field, decimal value)
    {
        // Only a field the clause has: a fixed-points clause is not turned into a range by a stray field.
        if (!target.ContainsKey(field) || Number(target[field]) == value) return;
        target[field] = JsonValue.Create(Normal(value));
    }

    /// <summary>4.00 written as 4: the draft's JSON stays as the measures write their figures.</summary>
    private static decimal Normal(decimal value) => value / 1.000000000000000000000000000000000m;
}
