using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Warnings;

namespace Hotline.Ledger.Notices;

/// <summary>
/// One rate light of <c>/api/warnings</c> (a subject's scoring part in a year) as the notices last saw it:
/// red or not, and how many times it has turned red. A notice is raised each time it turns red, never while it stays red.
/// </summary>
public sealed class RedLight
{
    public string Id { get; set; } = "";
    public bool Red { get; set; }
    public int Turns { get; set; }

    public static string IdOf(Warning w, int year) =>
        string.Join(':', w.Kind, (w.PersonId ?? w.UnitId)?.ToString("N"), w.Clause, w.Input, year.ToString(CultureInfo.InvariantCulture));
}
