using System.Text;
using Hotline.Ledger.Benchmarks.Province;

namespace Hotline.Ledger.Benchmarks.Report;

/// <summary>The tables a province run prints: ingestion per window, per node and in total, beside the one-node windows and Marten; then where the time went.</summary>
public static class ProvinceTable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(ProvinceFigures f)
    {
        var o = new StringBuilder();
        o.AppendLine(C, $"Hotline Ledger benchmark — province of {f.Cities.Count} cities of {f.CityScale.Name} (seeds {f.Seed}…{f.Seed + f.Cities.Count - 1}), each a tenant with its own database, on two API nodes; " +
            $"{f.CaseEvents:N0} case events and {f.LedgerEvents:N0} ledger events sent, run took {f.Total:hh\\:mm\\:ss}");
        o.AppendLine(C, $"Cities: {string.Join(", ", f.Cities.Select(c => $"{c.Code} {c.Name}"))}. Windows of {f.Budget.Window:N0} case events a city (after {f.Budget.WarmUp:N0} through both nodes to warm up), one sender per city, batches of 1,000 over HTTP.");
        o.AppendLine(C, $"Machine: {f.Machine}. Load average before/after: {f.LoadBefore} / {f.LoadAfter}.");
        o.AppendLine(C, $"Hosts: two Kestrel hosts (nodes A and B, Wolverine balanced mode) in the benchmark process, PostgreSQL on the same machine, schema {f.Schema} in every city's database ({(f.SchemaKept ? "kept" : "dropped")}).");
        o.AppendLine();

        var single = f.Windows.Where(w => w.Nodes.Count == 1).ToList();
        var singleRate = single.Count == 0 ? 0 : single.Sum(w => w.Events) / single.Sum(w => w.Wall.TotalSeconds);
        o.AppendLine("| window | feeding | case events | ingestion, total | node A | node B | Marten quick append, same events, one writer a city | total ÷ Marten | total ÷ one node (windows 1, 3) |");
        o.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var w in f.Windows)
        {
            string Node(string name)
            {
                var share = w.Nodes.FirstOrDefault(n => n.Node == name);
                if (share is null) return "—";
                var batches = w.Batches(share);
                return string.Create(C, $"{share.Events / w.Wall.TotalSeconds:N0}/s ({share.Events:N0}; a batch p50 / p95 {batches.P50:F0} / {batches.P95:F0} ms)");
            }

            o.AppendLine(C, $"| {w.Number} | {w.Feeding} | {w.Events:N0} in {w.Wall.TotalSeconds:F1} s | {w.Total.PerSecond:N0} events/s | {Node("A")} | {Node("B")} | " +
                $"{(w.Marten is { } m ? $"{m.PerSecond:N0} events/s" : "—")} | {Pct(w.Total.PerSecond, w.Marten?.PerSecond)} | " +
                $"{(w.Nodes.Count == 1 ? "—" : $"×{w.Total.PerSecond / singleRate:F2}")} |");
        }

        o.AppendLine();
        o.AppendLine("Where the time went, per window (CPU per 1,000 case events; PostgreSQL's backends on the cities' databases, sampled four times a second):");
        o.AppendLine();
        o.AppendLine("| window | feeding | benchmark process CPU (both nodes, the senders, the loader) | PostgreSQL CPU (cities' backends) | machine busy (all users) | backends, average at a time | ledger facts loaded beside the feed | load average after |");
        o.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var w in f.Windows.Where(w => w.Cost is not null))
        {
            var c = w.Cost!;
            var sessions = string.Join("; ", c.Sessions.OrderByDescending(s => s.Value).Select(s => string.Create(C, $"{s.Key} {s.Value:F2}")));
            o.AppendLine(C, $"| {w.Number} | {w.Feeding} | {c.Seconds(c.ProcessCpu, w.Events):F2} s ({c.ProcessCpu.TotalSeconds:F0} s in {w.Wall.TotalSeconds:F0} s) | " +
                $"{c.Seconds(c.PostgresCpu, w.Events):F2} s ({c.PostgresCpu.TotalSeconds:F0} s) | {c.MachineBusy:P0} | {sessions} ({c.Samples} samples) | " +
                $"{w.LedgerEvents:N0} in {w.LedgerTime.TotalSeconds:F1} s | {c.LoadAverage} |");
        }

        o.AppendLine();
        o.AppendLine(C, $"Messages moved to the error queue during the run, per city: {string.Join("; ", f.DeadLetters.Select(d => $"{d.City} {d.Count}{(d.First is null ? "" : $" (first: {d.First})")}"))}.");
        o.AppendLine();
        o.AppendLine(C, $"Checks ({f.Checks.Count(c => c.Passed)}/{f.Checks.Count} passed):");
        foreach (var c in f.Checks) o.AppendLine(C, $"- [{(c.Passed ? "x" : " ")}] {c.What} — {c.Detail}");
        return o.ToString();
    }

    private static string Pct(double a, double? b) => b is null or 0 ? "—" : (a / b.Value).ToString("P0", C);
}
