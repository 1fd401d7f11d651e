namespace Hotline.Ledger.Web.Pages.Rulebooks;

/// <summary>
/// What the preview shows after a change: the draft as stored (its version and differences), the what-if of
/// that version for the year, and the loader's faults when the change could not be taken.
/// </summary>
public sealed record DraftPreview(JsonElement Draft, int Year, JsonElement? WhatIf, string? WhatIfError, IReadOnlyList<string> Faults)
{
    /// <summary>People are many (thousands city-wide): the preview lists those who move, up to this many.</summary>
    public const int PeopleShown = 100;

    public static bool Moves(JsonElement subject) => subject.Dec("delta") is not (0 or null) || subject.Dec("rankMove") is not (0 or null);
}
