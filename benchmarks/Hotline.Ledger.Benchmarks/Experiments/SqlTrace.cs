using Marten;
using Marten.Services;
using Npgsql;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>Development aid: counts the commands and round trips a session sends, and keeps the first ones.</summary>
public sealed class SqlTrace : IMartenSessionLogger
{
    public int RoundTrips;
    public int Commands;
    public List<string> First { get; } = [];

    public void LogSuccess(NpgsqlCommand command) { }
    public void LogFailure(NpgsqlCommand command, Exception ex) { }
    public void LogSuccess(NpgsqlBatch batch) { }
    public void LogFailure(NpgsqlBatch batch, Exception ex) { }
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
        RoundTrips++;
        Commands++;
        if (First.Count < 30) First.Add(command.CommandText);
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
        RoundTrips++;
        Commands += batch.BatchCommands.Count;
        foreach (var c in batch.BatchCommands)
            if (First.Count < 30) First.Add(c.CommandText);
    }
}
