namespace Hotline.Ledger.Web.Pages;

/// <summary>A scorecard as the API answers it, with the clauses to name its lines.</summary>
public sealed record ScorecardView(JsonElement Score, Clauses Clauses)
{
    /// <summary>The API read that gives this very scorecard (its subject, year, asOf and knownAt), for its downloads.</summary>
    public string? ExportPath => Score.Prop("subject") is { } s && s.Str("kind") is "unit" or "person" && s.Str("id") is { } id
        ? $"/api/{(s.Str("kind") == "unit" ? "units" : "people")}/{id}/score?year={Score.Str("year")}&asOf={Score.Str("asOf")}&knownAt={Uri.EscapeDataString(Score.Str("knownAt") ?? "")}"
        : null;
}
