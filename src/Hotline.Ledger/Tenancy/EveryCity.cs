using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Notices;
using Wolverine;
using Wolverine.Runtime;

namespace Hotline.Ledger.Tenancy;

/// <summary>
/// The recurring jobs — the deadline judge's sweep, the notices' look-ahead, the scheduled verification of the
/// chain — are scheduled once, for the default city, in the master database's message store. Once the
/// default city's run of a schedule's occurrence is done, the same message goes to every added city, each stored
/// in and handled from its own database (ADR 0110, 0150). Only an occurrence of a schedule is handed on: the
/// judgements and look-aheads a city's feed sends are that city's own, handled in it (ADR 0181). A single-city
/// deployment has no other city and sends nothing.
/// </summary>
public static class EveryCity
{
    /// <summary>The messages handed on to every city.</summary>
    public static readonly IReadOnlySet<Type> Messages = new HashSet<Type> { typeof(JudgeDueDeadlines), typeof(LookAheadForNotices), typeof(VerifyLedgerIntegrity) };

    public static async Task After(Envelope envelope, IWolverineRuntime runtime, Cities cities, CityStates states)
    {
        if (CityScope.Current is not null || envelope.Message is not { } message) return;
        // Wolverine marks each occurrence of a recurring schedule (a timer's, a poll's or one triggered by hand).
        if (!envelope.Headers.ContainsKey(RecurringMessage.HeaderKey)) return;
        foreach (var city in await cities.ListAsync())
        {
            // A disabled city's jobs are not run (ADR 0185): its enabling sends them again.
            if (city.IsDefault || await states.IsDisabledAsync(city.Code)) continue;
            // Not through this handler's outbox: that is the default city's transaction, in the master database. A
            // message of another city stored there is handled in its city, but marked handled in its city's store,
            // so that its row in the master database's inbox would stay there for good. Sent on its own, it is
            // stored in its city's inbox; a node that dies before sending it costs that city one occurrence, which
            // the next one makes good (each of these jobs does all that is due as of its run).
            var messages = new MessageContext(runtime) { TenantId = city.Code };
            await messages.PublishAsync(message);
        }
    }
}
