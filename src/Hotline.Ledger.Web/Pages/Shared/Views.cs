namespace Hotline.Ledger.Web.Pages;

/// <summary>A scorecard as the API answers it, with the clauses to name its lines.</summary>
public sealed record ScorecardView(JsonElement Score, Clauses Clauses)
{
    /// <summary>The API read that gives this very scorecard (its subject, year, asOf and knownAt), for its downloads.</summary>
    public string? ExportPath => Score.Prop("subject") is { } s && s.Str("kind") is "unit" or "person" && s.Str("id") is { } id
        ? $"/api/{(s.Str("kind") == "unit" ? "units" : "people")}/{id}/score?year={Score.Str("year")}&asOf={Score.Str("asOf")}&knownAt={Uri.EscapeDataString(Score.Str("knownAt") ?? "")}"
        : null;
}

/// <summary>Rows of the evidence trail (entries), with the units to name them.</summary>
public sealed record EntryTableView(
    IReadOnlyList<JsonElement> Rows, Clauses Clauses, IReadOnlyDictionary<Guid, JsonElement> Units, bool ShowUnit, bool OfferAppeal)
{
    public string UnitName(string? id) => Guid.TryParse(id, out var g) && Units.TryGetValue(g, out var u) ? u.Str("name") ?? "" : "";
}

/// <summary>
/// A table's downloads: the API read behind it, as CSV and as XLSX, through "/export" as the signed-in user
/// (ADR 0082). <see cref="ApiPathAndQuery"/> is the API's path with the table's filters, e.g. "/api/entries?unitId=…".
/// </summary>
public sealed record ExportView(string ApiPathAndQuery)
{
    public string Href(string format) => "/export" + ApiPathAndQuery + (ApiPathAndQuery.Contains('?') ? "&" : "?") + "format=" + format;
}
