using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Ledger.Province;

public static class ProvinceModule
{
    /// <summary>The province's cities: one, the store's own, until a deployment registers its tenants in its place.</summary>
    public static IServiceCollection AddProvince(this IServiceCollection services)
    {
        services.AddSingleton<IProvinceCities, OneCity>();
        return services;
    }
}
