namespace Hotline.Ledger.Benchmarks.Province;

/// <summary>Where a window's time went: CPU of this process and of the cities' PostgreSQL backends, and what those backends were doing.</summary>
public sealed record WindowCost(
    TimeSpan ProcessCpu,
    TimeSpan PostgresCpu,
    double MachineBusy,
    int Samples,
    IReadOnlyDictionary<string, double> Sessions,
    string LoadAverage)
{
    public double Seconds(TimeSpan cpu, long events) => events == 0 ? 0 : cpu.TotalSeconds * 1_000 / events;
}

/// <summary>
/// Samples, while a window runs, every backend connected to the cities' databases (four times a second): its CPU
/// from <c>/proc/PID/stat</c> and its state from <c>pg_stat_activity</c> — on CPU, waiting on a lock (the chain's
/// advisory lock among them), on a lightweight lock, on I/O (WAL flushes), or idle inside a transaction while the
/// node that holds it works (<c>ClientRead</c>). Averaged over the samples, the states are "average active
/// sessions": how many backends were in each at a time. The machine's busy share (all its users) is from
/// <c>/proc/stat</c>. Linux only; elsewhere the CPU figures are zero.
/// </summary>
public sealed class CostSampler : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly string _connectionString;
    private readonly string[] _databases;
    private readonly Dictionary<int, (long First, long Last)> _backendTicks = [];
    private readonly Dictionary<string, long> _states = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _processCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly (long Busy, long Total) _machine = MachineTicks();
    private readonly Task _loop;
    private int _samples;

    private CostSampler(string connectionString, string[] databases)
    {
        _connectionString = connectionString;
        _databases = databases;
        _loop = Task.Run(Loop);
    }

    public static CostSampler Start(string connectionString, IEnumerable<string> databases) => new(connectionString, databases.ToArray());

    public async Task<WindowCost> Stop()
    {
        await _stop.CancelAsync();
        await _loop;
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime - _processCpu;
        var (busy, total) = MachineTicks();
        var postgres = TimeSpan.FromSeconds(_backendTicks.Values.Sum(t => t.Last - t.First) / TicksPerSecond);
        var sessions = _states.ToDictionary(s => s.Key, s => _samples == 0 ? 0 : (double)s.Value / _samples);
        var machine = total - _machine.Total == 0 ? 0 : (double)(busy - _machine.Busy) / (total - _machine.Total);
        return new WindowCost(processCpu, postgres, machine, _samples, sessions, LoadAverage());
    }

    private async Task Loop()
    {
        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync();
        while (!_stop.IsCancellationRequested)
        {
            await Sample(conn);
            try { await Task.Delay(Every, _stop.Token); }
            catch (OperationCanceledException) { break; }
        }

        await Sample(conn);
    }

    private async Task Sample(NpgsqlConnection conn)
    {
        await using var cmd = new NpgsqlCommand(
            "select pid, coalesce(state, ''), coalesce(wait_event_type, ''), coalesce(wait_event, '') from pg_stat_activity where datname = any($1) and pid <> pg_backend_pid()", conn);
        cmd.Parameters.AddWithValue(_databases);
        var rows = new List<(int Pid, string State, string WaitType, string Wait)>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));

        _samples++;
        foreach (var (pid, state, waitType, wait) in rows)
        {
            if (BackendTicks(pid) is { } ticks)
                _backendTicks[pid] = _backendTicks.TryGetValue(pid, out var seen) ? (seen.First, ticks) : (ticks, ticks);
            if (Bucket(state, waitType, wait) is { } bucket) _states[bucket] = _states.GetValueOrDefault(bucket) + 1;
        }
    }

    /// <summary>The state a backend counts under, or null when it is idle outside a transaction.</summary>
    private static string? Bucket(string state, string waitType, string wait) => (state, waitType) switch
    {
        ("idle in transaction", _) => "in transaction, waiting for the node",
        ("active", "") => "on CPU",
        ("active", "Lock") => wait == "advisory" ? "waiting on an advisory lock (the chain's or the judge's)" : "waiting on a row or table lock",
        ("active", "LWLock") => "waiting on a lightweight lock",
        ("active", "IO") => "waiting on I/O (WAL flush, reads)",
        ("active", "Client") => "sending to or reading from the node",
        ("active", _) => $"waiting ({waitType})",
        _ => null,
    };

    private static long? BackendTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces; the fields after its closing parenthesis are fixed: utime is the 12th, stime the 13th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static (long Busy, long Total) MachineTicks()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var total = cpu.Sum();
            return (total - cpu[3] - cpu[4], total); // idle and iowait are not busy
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return (0, 0);
        }
    }

    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "n/a"; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        try { await _loop; }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException) { }
        _stop.Dispose();
    }
}
