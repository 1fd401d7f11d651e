using System.Data.Common;
using NpgsqlTypes;

namespace Hotline.Ledger.Storage;

/// <summary>
/// A statement queued in a Marten session's batch, with typed parameters in the order of its <c>?</c> placeholders:
/// it goes to PostgreSQL with the session's other writes, in the same round trip, and its result is not read.
/// </summary>
public sealed class BatchStatement(string sql, params (object? Value, NpgsqlDbType Type)[] values) : Marten.Internal.Operations.IStorageOperation
{
    public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

    public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, Weasel.Storage.IStorageSession session)
    {
        var parameters = builder.AppendWithParameters(sql, '?');
        if (parameters.Length != values.Length)
            throw new InvalidOperationException($"The statement takes {parameters.Length} parameters, given {values.Length}.");
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].NpgsqlDbType = values[i].Type;
            parameters[i].Value = values[i].Value ?? DBNull.Value;
        }
    }

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

    public Weasel.Core.OperationRole Role() => Weasel.Core.OperationRole.Other;
}
