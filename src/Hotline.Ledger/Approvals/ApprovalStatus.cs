using System.Text.Json.Serialization;

namespace Hotline.Ledger.Approvals;

/// <summary>
/// Where a document stands on its way to the leadership (<see cref="ApprovalTrail"/>), and where a commendation plan's
/// shortlist stands on the same way. Stored and answered by the words the ledger has always written (<c>draft</c>,
/// <c>submitted</c>…), never by the C# names (see <see cref="StatusWord"/>).
/// </summary>
public enum ApprovalStatus
{
    [JsonStringEnumMemberName("draft")] Draft,
    [JsonStringEnumMemberName("submitted")] Submitted,
    [JsonStringEnumMemberName("returned")] Returned,
    [JsonStringEnumMemberName("approved")] Approved,

    /// <summary>A commendation plan after <see cref="Approved"/>: its commendations are issued.</summary>
    [JsonStringEnumMemberName("commended")] Commended,

    /// <summary>A rulebook draft withdrawn by the office before adoption: answers as if it never existed.</summary>
    [JsonStringEnumMemberName("deleted")] Deleted,
}
