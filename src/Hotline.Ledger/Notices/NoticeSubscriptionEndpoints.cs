using System.Security.Cryptography;
using Hotline.Ledger.Http;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Hotline.Ledger.Notices;

/// <summary>A subscription as shown: never its secret, and a webhook's URL without its query (a robot's key is there).</summary>
public sealed record SubscriptionView(
    Guid Id, Guid? UnitId, IReadOnlyList<string> Kinds, string Channel, string? Url, string? Address, string? Format,
    string Audience, bool Signed, string CreatedBy, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static SubscriptionView Of(NoticeSubscription s, string? secret = null) => new(
        s.Id, s.UnitId, s.Kinds, s.Channel, WebhookAddress.Masked(s.Url), s.Address,
        s.Channel == NoticeChannels.Webhook ? s.Format : null, s.Audience, s.Secret is not null, s.CreatedBy, s.CreatedAt, secret);
}

public static class NoticeSubscriptionEndpoints
{
    /// <summary>
    /// Subscribes to notices. A liaison subscribes for their own unit only (the unit is theirs when left
    /// out); the office for one unit or, leaving it out, for all. A webhook's secret is answered here once.
    /// </summary>
    [WolverinePost("/api/notice-subscriptions", OperationId = "subscribeToNotices")]
    public static async Task<IResult> Subscribe(SubscribeToNotices command, IDocumentSession session, HttpContext http,
        IHostEnvironment environment, IOptions<NoticeOptions> options, TimeProvider clock)
    {
        var scope = await LiaisonScope.Of(http, session);
        var unitId = command.UnitId ?? (scope.Confined ? scope.UnitId : null);
        if (scope.Confined && (unitId is null || !scope.Sees(unitId.Value))) return LiaisonScope.Refusal(scope);
        if (unitId is { } id && await session.LoadAsync<Unit>(id) is null)
            return Problems.Invalid("unitId", "notice.unitId.unknown", id);

        if (command.Channel == NoticeChannels.Webhook
            && WebhookAddress.Check(command.Url!, environment.IsProduction(), options.Value.AllowedHosts) is { } refusal)
            return Problems.Invalid("url", refusal.Code, refusal.Host);

        string? madeSecret = null;
        if (command.Channel == NoticeChannels.Webhook && command.Secret is null)
            madeSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        var subscription = new NoticeSubscription
        {
            Id = Guid.CreateVersion7(),
            UnitId = unitId,
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
        session.Store(subscription);
        await session.SaveChangesAsync();
        return Results.Created($"/api/notice-subscriptions/{subscription.Id}", SubscriptionView.Of(subscription, madeSecret));
    }

    [WolverineGet("/api/notice-subscriptions", OperationId = "noticeSubscriptions")]
    public static async Task<IResult> List(IQuerySession session, HttpContext http)
    {
        var scope = await LiaisonScope.Of(http, session);
        var all = await session.Query<NoticeSubscription>().OrderBy(s => s.CreatedAt).ToListAsync();
        return Results.Ok(all.Where(s => !scope.Confined || (s.UnitId is { } u && scope.Sees(u))).Select(s => SubscriptionView.Of(s)));
    }

    [WolverineDelete("/api/notice-subscriptions/{id}", OperationId = "unsubscribeFromNotices")]
    public static async Task<IResult> Delete(Guid id, IDocumentSession session, HttpContext http)
    {
        var subscription = await session.LoadAsync<NoticeSubscription>(id);
        if (subscription is null) return Problems.NotFound("notice subscription", id);
        var scope = await LiaisonScope.Of(http, session);
        if (scope.Confined && (subscription.UnitId is not { } unit || !scope.Sees(unit))) return LiaisonScope.Refusal(scope);

        session.Delete(subscription);
        await session.SaveChangesAsync();
        return Results.NoContent();
    }
}
