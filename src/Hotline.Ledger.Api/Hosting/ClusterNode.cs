using Npgsql;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// This process as one node of several on one database (configuration section <c>Hotline:Node</c>,
/// docs/adr/0115-several-nodes-on-one-database.md). Wolverine elects a leader among the nodes that share the
/// message store and the leader hands each agent — the store's durability agent (scheduled messages, among
/// them every deadline judgement, and the recovery of a dead node's messages), each recurring schedule, each
/// event subscription shard — to exactly one node, and to another when that one stops answering.
/// </summary>
public sealed class ClusterNode
{
    public const string Section = "Hotline:Node";

    /// <summary>The node's name (<c>./run.sh --node-name N</c>): in its logs, its database connections' application name and a response header.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>
    /// Balanced (the default) for any number of nodes, one included. Solo is for a process that is certainly
    /// alone on its database (the tests' hosts): it starts every agent at once, without an election.
    /// </summary>
    public DurabilityMode Durability { get; set; } = DurabilityMode.Balanced;

    /// <summary>How often a node writes its heartbeat and the leader reviews the assignments (Wolverine's default: 10 s).</summary>
    public TimeSpan? HeartbeatEvery { get; set; }

    /// <summary>A node whose heartbeat is older than this is taken for dead and its work moved (Wolverine's default: 1 min).</summary>
    public TimeSpan? DeadAfter { get; set; }

    /// <summary>How often the node holding the durability agent looks for scheduled messages now due (Wolverine's default: 5 s).</summary>
    public TimeSpan? ScheduledPollEvery { get; set; }

    public static ClusterNode From(IConfiguration config) => config.GetSection(Section).Get<ClusterNode>() ?? new ClusterNode();

    /// <summary>The connection string with the node's name as PostgreSQL's application_name (pg_stat_activity shows who holds what).</summary>
    public string Named(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = $"hotline-ledger:{Name}";
        return builder.ConnectionString;
    }

    /// <summary>Called once from the host's <c>UseWolverine</c>.</summary>
    public void ConfigureWolverine(WolverineOptions opts)
    {
        // One service name for every node: the nodes of one database form one cluster.
        opts.ServiceName = "hotline-ledger";
        opts.Durability.Mode = Durability;
        if (HeartbeatEvery is { } heartbeat)
        {
            opts.Durability.HealthCheckPollingTime = heartbeat;
            opts.Durability.FirstHealthCheckExecution = heartbeat;
            opts.Durability.CheckAssignmentPeriod = heartbeat * 3;
        }

        if (DeadAfter is { } dead) opts.Durability.StaleNodeTimeout = dead;
        if (ScheduledPollEvery is { } poll)
        {
            opts.Durability.ScheduledJobPollingTime = poll;
            opts.Durability.ScheduledJobFirstExecution = poll;
            opts.Durability.NodeReassignmentPollingTime = poll;
            opts.Durability.OrphanedMessageSweepPollingTime = poll;
        }
    }

    /// <summary>
    /// Called from <c>IntegrateWithWolverine</c>: Marten's async daemon, for any asynchronous projection or
    /// subscription, runs shard by shard on the nodes Wolverine's leader picks, never on two at once.
    /// </summary>
    public void ConfigureMarten(MartenIntegration integration)
    {
        // Solo has no leader to distribute anything; the daemon stays Marten's own, off as today.
        if (Durability == DurabilityMode.Balanced) integration.UseWolverineManagedEventSubscriptionDistribution = true;
    }
}

/// <summary>Names the node that answered (header <c>X-Hotline-Node</c>), so that an operator behind a proxy sees who did.</summary>
public sealed class NodeHeader(RequestDelegate next, ClusterNode node)
{
    public const string Header = "X-Hotline-Node";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = node.Name;
            return Task.CompletedTask;
        });
        return next(http);
    }
}

/// <summary>At start, the log line that ties the node's name to its id among Wolverine's nodes (<c>wolverine_nodes.id</c>).</summary>
public sealed class NodeAnnouncement(ClusterNode node, IWolverineRuntime runtime, ILogger<ClusterNode> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        log.LogInformation("Hotline node {NodeName} is Wolverine node {NodeId} ({Durability})", node.Name, runtime.Options.UniqueNodeId, node.Durability);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
