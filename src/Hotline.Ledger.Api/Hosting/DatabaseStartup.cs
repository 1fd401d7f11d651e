using System.Net.Sockets;
using Marten;
using Npgsql;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Brings the ledger's schema up to date at start. When PostgreSQL does not answer, the service starts
/// anyway (liveness answers, readiness says 503) and keeps trying in the background with a growing
/// pause, so an API started before its database, or during an outage, recovers by itself.
/// </summary>
public sealed class DatabaseStartup(IDocumentStore store, ILogger<DatabaseStartup> log) : IHostedService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    // Never disposed: StopAsync may come again after the host is disposed, and a source without a timer holds nothing.
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retrying;

    private readonly TaskCompletionSource _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the schema has been applied.</summary>
    public bool Applied { get; private set; }

    /// <summary>Completes once the schema has been applied: what the services that need the database wait for.</summary>
    public Task WhenApplied => _applied.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The common case, as before: the database answers and the schema is ready before the first request.
        if (await TryApply(cancellationToken)) return;
        _retrying = Task.Run(() => Retry(_stopping.Token), CancellationToken.None);
    }

    private async Task Retry(CancellationToken stopping)
    {
        var pause = FirstPause;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryApply(stopping)) return;
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private async Task<bool> TryApply(CancellationToken cancellation)
    {
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().WaitAsync(cancellation);
            if (!Applied && _retrying is not null) log.LogInformation("PostgreSQL answers again; the ledger's schema is up to date.");
            Applied = true;
            _applied.TrySetResult();
            return true;
        }
        catch (Exception e) when (Unreachable(e))
        {
            log.LogWarning("PostgreSQL does not answer ({Reason}); the ledger keeps trying.", e.Message);
            return false;
        }
    }

    private static bool Unreachable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException!)
            if (inner is SocketException or TimeoutException || inner is NpgsqlException { IsTransient: true } || inner is NpgsqlException { InnerException: SocketException })
                return true;
        return false;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retrying is not null) await _retrying.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}

/// <summary>
/// A hosted service that needs the database (Wolverine's runtime and its agents): started with the host
/// when PostgreSQL answered at start, as before; otherwise started in the background once it answers.
/// </summary>
public sealed class StartedWithTheDatabase(IHostedService inner, DatabaseStartup database, ILogger<DatabaseStartup> log) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _deferred;
    private bool _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Applied)
        {
            await inner.StartAsync(cancellationToken);
            _started = true;
            return;
        }

        _deferred = Task.Run(async () =>
        {
            try
            {
                await database.WhenApplied.WaitAsync(_stopping.Token);
                await inner.StartAsync(_stopping.Token);
                _started = true;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopped before the database answered.
            }
            catch (Exception e)
            {
                log.LogError(e, "{Service} did not start after PostgreSQL answered again.", inner.GetType().Name);
            }
        }, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_deferred is not null) await _deferred.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_started) await inner.StopAsync(cancellationToken);
    }

    /// <summary>
    /// Registers <typeparamref name="T"/> to start with the host, or once the database answers; the service itself
    /// is a singleton too, so that a caller (a test waiting for the demo city) can reach it.
    /// </summary>
    public static void Add<T>(IServiceCollection services) where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddSingleton<IHostedService>(sp => new StartedWithTheDatabase(
            sp.GetRequiredService<T>(), sp.GetRequiredService<DatabaseStartup>(), sp.GetRequiredService<ILogger<DatabaseStartup>>()));
    }

    /// <summary>
    /// Wraps every hosted service registered after <see cref="DatabaseStartup"/> by Wolverine: call after
    /// <c>UseWolverine</c> has registered its services.
    /// </summary>
    public static void Wrap(IServiceCollection services)
    {
        var after = false;
        for (var i = 0; i < services.Count; i++)
        {
            var d = services[i];
            if (d.ServiceType != typeof(IHostedService)) continue;
            if (d.ImplementationFactory?.Method.DeclaringType == typeof(HotlineHost) || d.ImplementationType == typeof(DatabaseStartup))
            {
                after = true;
                continue;
            }

            var origin = d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method.DeclaringType;
            if (!after || origin?.Assembly.GetName().Name?.StartsWith("Wolverine", StringComparison.Ordinal) != true) continue;

            var original = d;
            services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => new StartedWithTheDatabase(
                original.ImplementationInstance as IHostedService
                ?? (original.ImplementationFactory is { } factory ? (IHostedService)factory(sp) : (IHostedService)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)),
                sp.GetRequiredService<DatabaseStartup>(), sp.GetRequiredService<ILogger<DatabaseStartup>>()));
        }
    }
}
