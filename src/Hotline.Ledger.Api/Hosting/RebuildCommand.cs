using Hotline.Ledger.Rebuild;
using JasperFx.CommandLine;
using Marten;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// <c>./run.sh rebuild</c>: rebuilds every read model from the events — exactly the projections Marten has
/// registered, the case files and rate counters among them — in one pass written with COPY (ADR 0041, ADR 0160).
/// Marten's own <c>projections rebuild</c> rebuilds the same projections to the same rows through its async
/// daemon, several times slower. Offline: run it with the API stopped.
/// </summary>
[Description("Rebuilds every read model (every registered projection, case files and rate counters included) from the events in one pass, written with COPY; run it with the API stopped", Name = "rebuild")]
public sealed class RebuildCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var report = await BulkRebuild.RebuildAll(store);
        foreach (var step in report.Steps)
            Console.WriteLine($"{step.ReadModel,-28} {step.How,-16} {step.Events,12:N0} events {step.Rows,12:N0} rows");
        Console.WriteLine($"{report.EventsRead:N0} events read in {report.Elapsed.TotalSeconds:F1} s ({report.EventsRead / Math.Max(report.Elapsed.TotalSeconds, 0.001):N0}/s)");
        return true;
    }
}
