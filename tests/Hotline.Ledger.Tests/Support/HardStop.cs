using Microsoft.Extensions.Hosting;

namespace Hotline.Ledger.Tests.Support;

/// <summary>A host stopped as a crash would stop it: its stop is cancelled at once, so nothing in flight is waited for.</summary>
public static class HardStop
{
    public static async Task WithoutWaiting(IHost host)
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        try
        {
            await host.StopAsync(now.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping without waiting is the point.
        }
    }
}
