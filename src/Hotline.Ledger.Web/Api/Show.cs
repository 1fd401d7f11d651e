namespace Hotline.Ledger.Web.Api;

/// <summary>Reading the API's JSON in pages without a class per answer, and showing its numbers, dates and instants as the office writes them.</summary>
public static class Show
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) => e.Prop(name) is { } v
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
        : null;

    public static decimal? Dec(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    public static bool Bool(this JsonElement e, string name) => e.Prop(name) is { ValueKind: JsonValueKind.True };

    public static IEnumerable<JsonElement> Arr(this JsonElement e, string? name = null)
    {
        var target = name is null ? e : e.Prop(name) ?? default;
        return target.ValueKind == JsonValueKind.Array ? target.EnumerateArray() : [];
    }

    /// <summary>The items of a list answer: an array, or the <c>{items, next}</c> page.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : e.Arr("items");

    public static Guid? Id(this JsonElement e, string name = "id") => Guid.TryParse(e.Str(name), out var id) ? id : null;

    /// <summary>Points as the office writes them: signed, up to two decimals.</summary>
    public static string Signed(decimal? points) => points is not { } p
        ? "—"
        : (p > 0 ? "+" : p < 0 ? "−" : "") + Math.Abs(p).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A total as it stands, its minus the typographic one (−5).</summary>
    public static string Plain(decimal? points) => points is not { } p
        ? "—"
        : (p < 0 ? "−" : "") + Math.Abs(p).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The CSS class of a signed number: green for credit, red for debit.</summary>
    public static string Tone(decimal? points) => points switch { > 0 => "pos", < 0 => "neg", _ => "zero" };

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>An instant shown in the office's time (Asia/Shanghai).</summary>
    public static string Local(string? instant) =>
        DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeZoneInfo.ConvertTime(at, Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : instant ?? "";

    /// <summary>A business date as the office writes it: 2020年7月5日.</summary>
    public static string Date(string? date) =>
        DateOnly.TryParse(date, CultureInfo.InvariantCulture, out var d) ? $"{d.Year}年{d.Month}月{d.Day}日" : date ?? "";
}
