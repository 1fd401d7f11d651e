namespace Hotline.Ledger.Tests.Support;

/// <summary>
/// The one way the tests wait for work that finishes elsewhere (a queue, another process, another city's
/// store): the condition is checked at once and again at each tick of a short timer, until it holds or the
/// bound passes. No test asserts on how long that took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>True once <paramref name="condition"/> holds; false if it still does not after <paramref name="within"/>.</summary>
    public static async Task<bool> Holds(Func<Task<bool>> condition, TimeSpan within)
    {
        using var timer = new PeriodicTimer(Tick);
        using var limit = new CancellationTokenSource(within);
        while (!await condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                return await condition();
            }
        }

        return true;
    }
}
