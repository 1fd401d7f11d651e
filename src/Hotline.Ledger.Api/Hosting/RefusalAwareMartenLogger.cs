using Hotline.Ledger.Storage;
using Marten;
using Marten.Services;
using Npgsql;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Marten's command log, in which a lost race or a second write of a once-only fact — refusals the API answers
/// with 409 (<see cref="StoreConflicts"/>) — is logged at Information rather than as a failure; anything else that
/// fails is still an error.
/// </summary>
public sealed class RefusalAwareMartenLogger(ILogger<IDocumentStore> log) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => log.LogInformation("Executed schema update SQL:\n{SQL}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        Failure(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Failure(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    /// <summary>
    /// A conflict as <see cref="StoreConflicts"/> knows it, the quick-append function's stream-version check among them
    /// (SQL state MT003, which Marten turns into a concurrency exception only later).
    /// </summary>
    internal static bool IsRefusal(Exception ex) => StoreConflicts.IsConflict(ex);

    private void Failure(Exception ex, string sql)
    {
        if (IsRefusal(ex)) log.LogInformation("Refused by the store ({Reason}); the request is answered 409", ex.Message);
        else log.LogError(ex, "Marten command failed:\n{SQL}", sql);
    }
}
