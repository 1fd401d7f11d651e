using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Notices;
using Wolverine;

namespace Hotline.Ledger.Tenancy;

/// <summary>
/// The recurring jobs — the deadline judge's sweep, the notices' look-ahead, the scheduled verification of the
/// chain — are scheduled once, for the default city, in the master database's message store. Once the
/// default city's run has succeeded, the same message goes to every added city, each handled in its own
/// database (ADR 0110). A single-city deployment has no other city and sends nothing.
/// </summary>
public static class EveryCity
{
    /// <summary>The messages handed on to every city.</summary>
    public static readonly IReadOnlySet<Type> Messages = new HashSet<Type> { typeof(JudgeDueDeadlines), typeof(LookAheadForNotices), typeof(VerifyLedgerIntegrity) };

    public static async Task After(Envelope envelope, IMessageContext bus, Cities cities)
    {
        if (CityScope.Current is not null || envelope.Message is not { } message) return;
        foreach (var city in await cities.ListAsync())
            if (!city.IsDefault) await bus.PublishAsync(message, new DeliveryOptions { TenantId = city.Code });
    }
}
