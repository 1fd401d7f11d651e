using System.Text.Json;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>
/// What a draft request carries: a whole rulebook in the built-in JSON, or <c>{copyOf, id?, title?, effectiveFrom?}</c>
/// naming a rulebook of the catalog to start from. Either way the result is the loader's JSON, validated
/// by the loader, with every fault named.
/// </summary>
public sealed record DraftBody(string? Json, string? CopyOf, IReadOnlyList<FieldRule> Faults)
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
            return Fault("body", "rulebookDraft.body.json", ex.Message);
        }

        if (root.ValueKind != JsonValueKind.Object) return Fault("body", "rulebookDraft.body.object");
        if (root.TryGetProperty("copyOf", out var copyOf))
        {
            if (!copyAllowed) return Fault("copyOf", "rulebookDraft.copyOf.notAllowed");
            try
            {
                return Copy(root, copyOf, catalog, today);
            }
            catch (InvalidOperationException)
            {
                // JsonElement.GetString refuses an escaped lone surrogate: such a value is not text at all.
                return Fault("copyOf", "rulebookDraft.copyOf.notUnicode");
            }
        }

        var (rulebook, faults) = RulebookLoader.Read(text, "draft");
        return faults.Count > 0 ? new(null, null, InRulebook(faults)) : new(RulebookLoader.Write(rulebook!), null, NoFaults);
    }

    /// <summary>
    /// A copy of a catalog rulebook. Its id defaults to the source's with "-draft"; its effective date to the
    /// next 1 January, since a revision takes effect only in the future.
    /// </summary>
    private static DraftBody Copy(JsonElement root, JsonElement copyOf, RulebookCatalog catalog, DateOnly today)
    {
        var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !CopyFields.Contains(n)).ToList();
        if (unknown.Count > 0)
            return Fault(unknown[0], "rulebookDraft.copyOf.fields", string.Join("', '", unknown));
        if (copyOf.ValueKind != JsonValueKind.String || catalog.Get(copyOf.GetString()!) is not { } source)
            return Fault("copyOf", "rulebookDraft.copyOf.unknown", string.Join(", ", catalog.All.Select(r => r.Id)));

        var copy = source with { Id = source.Id + "-draft", EffectiveFrom = new DateOnly(today.Year + 1, 1, 1) };
        if (root.TryGetProperty("id", out var id))
        {
            if (id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()) || id.GetString()!.Length > 100)
                return Fault("id", "rulebookDraft.id.length");
            copy = copy with { Id = id.GetString()!.Trim() };
        }

        if (root.TryGetProperty("title", out var title))
        {
            if (title.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(title.GetString()) || title.GetString()!.Length > 500)
                return Fault("title", "rulebookDraft.title.length");
            copy = copy with { Title = title.GetString()!.Trim() };
        }

        if (root.TryGetProperty("effectiveFrom", out var from))
        {
            if (from.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(from.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Fault("effectiveFrom", "query.date", "effectiveFrom");
            copy = copy with { EffectiveFrom = date };
        }

        var json = RulebookLoader.Write(copy);
        var faults = RulebookLoader.Read(json, "draft").Faults;
        return faults.Count > 0 ? new(null, source.Id, InRulebook(faults)) : new(json, source.Id, NoFaults);
    }

    private static readonly IReadOnlyList<FieldRule> NoFaults = [];

    private static DraftBody Fault(string field, string code, params object?[] args) => new(null, null, [FieldRule.Of(field, code, args)]);

    // The loader's faults are all about the rulebook the body holds: each keeps its own code.
    private static List<FieldRule> InRulebook(IEnumerable<Refusal> faults) => faults.Select(f => new FieldRule("rulebook", f.Code, f.Text)).ToList();
}
