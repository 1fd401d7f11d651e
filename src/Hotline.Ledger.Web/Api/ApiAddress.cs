using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hotline.Ledger.Web.Api;

/// <summary>
/// Where the screens reach the API: "Hotline:Web:ApiAddress" when set, otherwise the first address this
/// host listens on, its wildcard host read as the loopback.
/// </summary>
public sealed class ApiAddress(IServer server, Microsoft.Extensions.Options.IOptions<SignIn.WebSettings> settings)
{
    private Uri? _address;

    public Uri Value => _address ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(settings.Value.ApiAddress)) return new Uri(settings.Value.ApiAddress);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                     ?? addresses.FirstOrDefault()
                     ?? throw new InvalidOperationException("The host listens on no address; set Hotline:Web:ApiAddress.");
        var uri = new UriBuilder(chosen.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        return uri.Uri;
    }
}
