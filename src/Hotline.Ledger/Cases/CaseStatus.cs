using System.Text.Json.Serialization;

namespace Hotline.Ledger.Cases;

/// <summary>
/// Where a case stands, from the platform's rows: <c>pending</c> (no assignment yet: its rows wait for it), <c>open</c>
/// or <c>completed</c>. Stored and answered by these words (see <see cref="StatusWord"/>).
/// </summary>
public enum CaseStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("completed")] Completed,
}
