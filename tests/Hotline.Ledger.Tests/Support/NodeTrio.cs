namespace Hotline.Ledger.Tests.Support;

/// <summary>Three API processes on one schema, with failover in seconds (ADR 0115), as the several-node tests start them.</summary>
public static class NodeTrio
{
    /// <summary>
    /// Failover in seconds rather than Wolverine's minute or two (a heartbeat a second, dead after eight), and the
    /// judgement at the deadline itself, one check a second; <paramref name="more"/> adds to them.
    /// </summary>
    public static Dictionary<string, string> FastFailover(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hotline:Node:HeartbeatEvery"] = "00:00:01",
            ["Hotline:Node:DeadAfter"] = "00:00:08",
            ["Hotline:Node:ScheduledPollEvery"] = "00:00:01",
            ["Hotline:Rulebooks:RefreshEvery"] = "00:00:01",
            ["Hotline:Deadlines:FeedGrace"] = "00:00:00",
            ["Hotline:Deadlines:Coalesce"] = "00:00:01",
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    /// <summary>
    /// Stops the nodes; one that had exited on its own (not killed by the test) leaves its last output in the test's
    /// output first, so that a failure that follows from it says why.
    /// </summary>
    public static async Task StopAsync(IEnumerable<NodeProcess> nodes, Xunit.Abstractions.ITestOutputHelper output)
    {
        foreach (var node in nodes)
        {
            if (node.Exited && !node.Killed) output.WriteLine($"--- node {node.Name} exited on its own:\n{node.Output}");
            await node.DisposeAsync();
        }
    }

    /// <summary>Nodes a, b and c: the first applies the schema alone, the others join a database that is ready.</summary>
    public static async Task<List<NodeProcess>> StartAsync(string schema, IReadOnlyDictionary<string, string> settings)
    {
        var nodes = new List<NodeProcess> { NodeProcess.Start("a", schema, settings) };
        try
        {
            await nodes[0].Ready(TimeSpan.FromMinutes(3));
            nodes.Add(NodeProcess.Start("b", schema, settings));
            nodes.Add(NodeProcess.Start("c", schema, settings));
            await Task.WhenAll(nodes.Skip(1).Select(n => n.Ready(TimeSpan.FromMinutes(3))));
            return nodes;
        }
        catch
        {
            // A node that never came up must not leave the others running after the test.
            foreach (var node in nodes) await node.DisposeAsync();
            throw;
        }
    }
}
