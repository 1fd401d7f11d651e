using System.Globalization;
using System.Text.Json;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>
/// What a draft request carries: a whole rulebook in the built-in JSON, or <c>{copyOf, id?, title?, effectiveFrom?}</c>
/// naming a rulebook of the catalog to start from. Either way the result is the loader's JSON, validated
/// by the loader, with every fault named.
/// </summary>
public sealed record DraftBody(string? Json, string? CopyOf, IReadOnlyDictionary<string, string[]> Faults)
{
    private static readonly HashSet<string> CopyFields = new(StringComparer.Ordinal) { "copyOf", "id", "title", "effectiveFrom" };

    public static async Task<DraftBody> Read(Stream body, RulebookCatalog catalog, DateOnly today, bool copyAllowed, CancellationToken ct)
    {
        string text;
        using (var reader = new StreamReader(body)) text = await reader.ReadToEndAsync(ct);

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException ex)
        {
            return Fault("body", $"The body is not JSON ({ex.Message}).");
        }

        if (root.ValueKind != JsonValueKind.Object) return Fault("body", "The body is a JSON object: a whole rulebook, or {\"copyOf\": \"<rulebook id>\"}.");
        if (root.TryGetProperty("copyOf", out var copyOf))
        {
            if (!copyAllowed) return Fault("copyOf", "A new version of a draft is a whole rulebook; 'copyOf' starts a new draft (POST /api/rulebooks/drafts).");
            try
            {
                return Copy(root, copyOf, catalog, today);
            }
            catch (InvalidOperationException)
            {
                // JsonElement.GetString refuses an escaped lone surrogate: such a value is not text at all.
                return Fault("copyOf", "The copy's fields hold text that is not Unicode (an unpaired surrogate).");
            }
        }

        var (rulebook, faults) = RulebookLoader.Read(text, "draft");
        return faults.Count > 0 ? new(null, null, new Dictionary<string, string[]> { ["rulebook"] = faults.ToArray() }) : new(RulebookLoader.Write(rulebook!), null, NoFaults);
    }

    /// <summary>
    /// A copy of a catalog rulebook. Its id defaults to the source's with "-draft"; its effective date to the
    /// next 1 January, since a revision takes effect only in the future.
    /// </summary>
    private static DraftBody Copy(JsonElement root, JsonElement copyOf, RulebookCatalog catalog, DateOnly today)
    {
        var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !CopyFields.Contains(n)).ToList();
        if (unknown.Count > 0)
            return Fault(unknown[0], $"With 'copyOf' the body takes only copyOf, id, title and effectiveFrom; edit the rest with PUT once drafted ('{string.Join("', '", unknown)}' given).");
        if (copyOf.ValueKind != JsonValueKind.String || catalog.Get(copyOf.GetString()!) is not { } source)
            return Fault("copyOf", $"'copyOf' names a rulebook of the catalog ({string.Join(", ", catalog.All.Select(r => r.Id))}).");

        var copy = source with { Id = source.Id + "-draft", EffectiveFrom = new DateOnly(today.Year + 1, 1, 1) };
        if (root.TryGetProperty("id", out var id))
        {
            if (id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()) || id.GetString()!.Length > 100)
                return Fault("id", "'id' is the rulebook's id once adopted (1–100 characters).");
            copy = copy with { Id = id.GetString()!.Trim() };
        }

        if (root.TryGetProperty("title", out var title))
        {
            if (title.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(title.GetString()) || title.GetString()!.Length > 500)
                return Fault("title", "'title' is the measures' title (1–500 characters).");
            copy = copy with { Title = title.GetString()!.Trim() };
        }

        if (root.TryGetProperty("effectiveFrom", out var from))
        {
            if (from.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(from.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Fault("effectiveFrom", "'effectiveFrom' must be a date YYYY-MM-DD.");
            copy = copy with { EffectiveFrom = date };
        }

        var json = RulebookLoader.Write(copy);
        var faults = RulebookLoader.Read(json, "draft").Faults;
        return faults.Count > 0 ? new(null, source.Id, new Dictionary<string, string[]> { ["rulebook"] = faults.ToArray() }) : new(json, source.Id, NoFaults);
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoFaults = new Dictionary<string, string[]>();

    private static DraftBody Fault(string field, string rule) => new(null, null, new Dictionary<string, string[]> { [field] = [rule] });
}
