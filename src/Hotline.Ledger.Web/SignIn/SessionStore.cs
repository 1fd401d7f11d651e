using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hotline.Ledger.Web.SignIn;

/// <summary>
/// Sessions kept on the server: the cookie holds only a key, so signing out (or expiry) ends the session
/// for good — a copy of the cookie taken before is worth nothing after. A restart signs everyone out,
/// which for an office's day is a fair price for that.
/// </summary>
public sealed class SessionStore(TimeProvider clock) : ITicketStore
{
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new();

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        Sweep();
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _tickets[key] = ticket;
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        _tickets[key] = ticket;
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(_tickets.TryGetValue(key, out var ticket) && !Expired(ticket) ? ticket : null);

    public Task RemoveAsync(string key)
    {
        _tickets.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool Expired(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc is { } at && at <= clock.GetUtcNow();

    private void Sweep()
    {
        foreach (var (key, ticket) in _tickets) if (Expired(ticket)) _tickets.TryRemove(key, out _);
    }

    /// <summary>Gives the cookie scheme its store once the container is built.</summary>
    public sealed class Attach(SessionStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == WebAuth.CookieScheme) options.SessionStore = store;
        }
    }
}
