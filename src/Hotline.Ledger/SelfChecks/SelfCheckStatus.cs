using System.Text.Json.Serialization;

namespace Hotline.Ledger.SelfChecks;

/// <summary>
/// A month's self-check as the office sees it on a date. Never stored; answered by the words it has always been
/// (<c>onTime</c>, <c>late</c>, <c>missing</c>, <c>open</c>), named here so that every serializer writes the same.
/// </summary>
public enum SelfCheckStatus
{
    [JsonStringEnumMemberName("onTime")] OnTime,
    [JsonStringEnumMemberName("late")] Late,
    [JsonStringEnumMemberName("missing")] Missing,
    [JsonStringEnumMemberName("open")] Open,
}
