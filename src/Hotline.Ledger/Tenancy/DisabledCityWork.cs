using Microsoft.Extensions.Logging;
using Wolverine;

namespace Hotline.Ledger.Tenancy;

/// <summary>
/// Wolverine middleware on the recurring jobs (<see cref="EveryCity.Messages"/>: the deadline judge, the notices'
/// look-ahead, the scheduled verification): a job of a disabled city is not run (ADR 0185). The message is taken
/// and left, not kept: each of these jobs does all that is due as of its run, and judges a deadline as of the
/// deadline, so the run sent when the city is enabled again (or the next sweep) does what was skipped, once.
/// </summary>
public static class DisabledCityWork
{
    public static async Task<HandlerContinuation> Before(Envelope envelope, CityStates states, ILogger<CityStates> logger)
    {
        var city = envelope.TenantId;
        if (string.IsNullOrEmpty(city) || city == JasperFx.StorageConstants.DefaultTenantId || !await states.IsDisabledAsync(city)) return HandlerContinuation.Continue;
        logger.LogInformation("{Message} for the city {City} is not run: the city is disabled", envelope.Message?.GetType().Name, city);
        return HandlerContinuation.Stop;
    }
}
