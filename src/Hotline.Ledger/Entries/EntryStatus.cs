using System.Text.Json.Serialization;

namespace Hotline.Ledger.Entries;

/// <summary>
/// Whether an entry counts: <c>active</c>, or <c>rescinded</c> once a rescission is recorded (as the ledger stood at a
/// given instant, a later rescission has not happened yet). Stored and answered by these words (see <see cref="StatusWord"/>).
/// </summary>
public enum EntryStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("rescinded")] Rescinded,
}
