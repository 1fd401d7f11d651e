using System.Security.Cryptography;
using Hotline.Ledger.Registry;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Notices;

public static class SubscribeEndpoint
{
    /// <summary>The unit a subscription is for: the one asked, or a liaison's own when left out; none is every unit.</summary>
    private static Guid? UnitOf(SubscribeToNotices command, UnitScope scope) => command.UnitId ?? (scope.Confined ? scope.UnitId : null);

    /// <summary>
    /// Who subscribes, or the refusal: a liaison for another unit (403), an unknown unit, a webhook address outside
    /// the allowed hosts.
    /// </summary>
    public static async Task<(UnitScope? Scope, ProblemDetails Problem)> LoadAsync(SubscribeToNotices command, IQuerySession session, HttpContext http,
        IHostEnvironment environment, IOptions<NoticeOptions> options)
    {
        var scope = await LiaisonScope.Of(http, session);
        var unitId = UnitOf(command, scope);
        if (scope.Confined && (unitId is null || !scope.Sees(unitId.Value))) return (null, LiaisonScope.Forbidden(scope));
        if (unitId is { } id && await session.LoadAsync<Unit>(id, http.RequestAborted) is null)
            return (null, Problems.InvalidProblem("unitId", "notice.unitId.unknown", id));
        if (command.Channel == NoticeChannels.Webhook
            && WebhookAddress.Check(command.Url!, environment.IsProduction(), options.Value.AllowedHosts) is { } refusal)
            return (null, Problems.InvalidProblem("url", refusal.Code, refusal.Host));
        return (scope, WolverineContinue.NoProblems);
    }

    /// <summary>
    /// Subscribes to notices. A liaison subscribes for their own unit only (the unit is theirs when left
    /// out); the office for one unit or, leaving it out, for all. A webhook's secret is answered here once.
    /// </summary>
    [WolverinePost("/api/notice-subscriptions", OperationId = "subscribeToNotices")]
    public static (CreatedSubscription, IMartenOp) Subscribe(SubscribeToNotices command, [NotBody] UnitScope scope, HttpContext http, TimeProvider clock)
    {
        string? madeSecret = null;
        if (command.Channel == NoticeChannels.Webhook && command.Secret is null)
            madeSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        var subscription = new NoticeSubscription
        {
            Id = Guid.CreateVersion7(),
            UnitId = UnitOf(command, scope),
            Kinds = command.Kinds!.Distinct().ToList(),
            Channel = command.Channel!,
            Url = command.Url,
            Secret = command.Secret ?? madeSecret,
            Address = command.Address?.Trim(),
            Format = command.Format ?? WebhookFormats.Json,
            Audience = scope.Confined ? NoticeSubscription.UnitAudience : NoticeSubscription.OfficeAudience,
            CreatedBy = RequestActor.Of(http),
            CreatedAt = clock.GetUtcNow(),
        };
        return (new CreatedSubscription(SubscriptionView.Of(subscription, madeSecret)), MartenOps.Store(subscription));
    }
}
