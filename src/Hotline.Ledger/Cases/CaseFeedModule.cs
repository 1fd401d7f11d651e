using Hotline.Ledger.Cases.Feed;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Cases;

/// <summary>The case feed's services.</summary>
public static class CaseFeedModule
{
    /// <summary>
    /// Called once from the host: the ingestion service. What follows a reply deadline the feed sets (the
    /// judgement, the notices' warning) is registered by the slices that do it (<see cref="IReplyFollowUp"/>).
    /// </summary>
    public static IServiceCollection AddCaseFeed(this IServiceCollection services)
    {
        services.AddSingleton<CaseFeed>();
        return services;
    }
}
