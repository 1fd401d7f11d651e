using System.Data.Common;
using NpgsqlTypes;

namespace Hotline.Ledger.Kernel;

/// <summary>
/// A statement queued in a Marten session's batch that returns no result set (an insert or update without
/// <c>returning</c>), with typed parameters in the order of its <c>?</c> placeholders. Marked so to Marten, which then
/// does not move the batch's reader on for it: a statement without a result that moved it on would hand the next
/// statement's result to the statement after, and so on to the end of the batch (the chain's head read last of all).
/// </summary>
public sealed class BatchWrite(string sql, params (object? Value, NpgsqlDbType Type)[] values)
    : Marten.Internal.Operations.IStorageOperation, Weasel.Storage.NoDataReturnedCall
{
    public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

    public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, Weasel.Storage.IStorageSession session) =>
        BatchStatement.Bind(builder, sql, values.Select(v => (v.Value, (NpgsqlDbType?)v.Type)).ToArray());

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

    public Weasel.Core.OperationRole Role() => Weasel.Core.OperationRole.Other;
}
