using System.Text.Json.Serialization;

namespace Hotline.Ledger.Appeals;

/// <summary>
/// Where an appeal stands: pending until a decision, then upheld or rejected. Written in the words the ledger has
/// always stored and answered (<c>pending</c>, <c>upheld</c>, <c>rejected</c>), by every serializer: the store's, whose
/// LINQ asks it for the word to compare with, and the API's.
/// </summary>
public enum AppealStatus
{
    [JsonStringEnumMemberName(Appeal.Pending)] Pending,
    [JsonStringEnumMemberName(Appeal.Upheld)] Upheld,
    [JsonStringEnumMemberName(Appeal.Rejected)] Rejected,
}
