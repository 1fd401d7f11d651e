using Marten.Services;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// Development aid: counts the commands and round trips sessions send, keeps the first ones and counts
/// statements by their opening words. Usable per session or, as the store's logger, for every session
/// (then from many threads at once: hence the lock).
/// </summary>
public sealed class SqlTrace : IMartenSessionLogger, IMartenLogger
{
    public int RoundTrips;
    public int Commands;
    public List<string> First { get; } = [];
    public Dictionary<string, int> Kinds { get; } = [];

    public void Reset()
    {
        lock (this)
        {
            RoundTrips = 0;
            Commands = 0;
            First.Clear();
            Kinds.Clear();
        }
    }

    public IMartenSessionLogger StartSession(IQuerySession session) => this;
    public void SchemaChange(string sql) { }

    public void LogSuccess(NpgsqlCommand command) { }
    public void LogFailure(NpgsqlCommand command, Exception ex) { }
    public void LogSuccess(NpgsqlBatch batch) { }
    public void LogFailure(NpgsqlBatch batch, Exception ex) { }
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
        lock (this)
        {
            RoundTrips++;
            Saw(command.CommandText);
        }
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
        lock (this)
        {
            RoundTrips++;
            foreach (var c in batch.BatchCommands) Saw(c.CommandText);
        }
    }

    private void Saw(string sql)
    {
        Commands++;
        if (First.Count < 30) First.Add(sql);
        var kind = string.Join(' ', sql.Split((char[])[' ', '\n', '('], StringSplitOptions.RemoveEmptyEntries).Take(4));
        Kinds[kind] = Kinds.GetValueOrDefault(kind) + 1;
    }
}
