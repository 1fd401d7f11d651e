using Hotline.Ledger.Web.SignIn;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Hotline.Ledger.Web;

/// <summary>The Chinese application (考评台账) served at "/" by the API's own host (docs/adr/0080).</summary>
public static class WebHosting
{
    public static WebApplicationBuilder AddHotlineWeb(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WebSettings.Section);
        var settings = section.Get<WebSettings>() ?? new WebSettings();
        builder.Services.Configure<WebSettings>(section);

        // Assets of the referenced class library are served from the build output in every environment.
        builder.WebHost.UseStaticWebAssets();

        WebAuth.Add(builder, settings);
        builder.Services.AddSingleton<SessionStore>();
        // One key ring for every node, in PostgreSQL: a cookie sealed by one node opens on any other.
        builder.Services.AddSingleton<WebStorage.KeyRing>();
        builder.Services.AddDataProtection().SetApplicationName("hotline-ledger");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<WebStorage.KeyRing>()));
        builder.Services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, SessionStore.Attach>();
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, SessionTokens.TrustedByTheApi>();
        builder.Services.AddSingleton<ApiAddress>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<LedgerApi>(c => c.Timeout = TimeSpan.FromSeconds(60));

        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", WebAuth.Policy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/SignInUnavailable");
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hotline.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    public static WebApplication MapHotlineWeb(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous().WithMetadata(ScreenEndpoint.Instance);
        app.MapRazorPages().WithMetadata(ScreenEndpoint.Instance);
        SignInEndpoints.Map(app);
        ExportEndpoint.Map(app);
        return app;
    }
}
