namespace Hotline.Ledger.Web.Pages;

/// <summary>Rows of the evidence trail (entries), with the units to name them.</summary>
public sealed record EntryTableView(
    IReadOnlyList<JsonElement> Rows, Clauses Clauses, IReadOnlyDictionary<Guid, JsonElement> Units, bool ShowUnit, bool OfferAppeal)
{
    public string UnitName(string? id) => Guid.TryParse(id, out var g) && Units.TryGetValue(g, out var u) ? u.Str("name") ?? "" : "";
}
