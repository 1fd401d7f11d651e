using Hotline.Ledger.Rebuild;
using JasperFx.CommandLine;
using Marten;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// <c>./run.sh rebuild</c>: rebuilds every read model from the events in one pass (ADR 0041), much faster
/// than <c>projections rebuild</c> (Marten's async daemon, projection after projection), which stays
/// available. Offline: run it with the API stopped.
/// </summary>
[Description("Rebuilds every read model from the events in one pass, written with COPY (ADR 0041); run it with the API stopped", Name = "rebuild")]
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
