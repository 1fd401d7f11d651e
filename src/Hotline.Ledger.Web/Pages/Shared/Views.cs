using System.Text.Json;
using Hotline.Ledger.Web.Api;

namespace Hotline.Ledger.Web.Pages;

/// <summary>A scorecard as the API answers it, with the clauses to name its lines.</summary>
public sealed record ScorecardView(JsonElement Score, Clauses Clauses);

/// <summary>Rows of the evidence trail (entries), with the units to name them.</summary>
public sealed record EntryTableView(
    IReadOnlyList<JsonElement> Rows, Clauses Clauses, IReadOnlyDictionary<Guid, JsonElement> Units, bool ShowUnit, bool OfferAppeal)
{
    public string UnitName(string? id) => Guid.TryParse(id, out var g) && Units.TryGetValue(g, out var u) ? u.Str("name") ?? "" : "";
}
