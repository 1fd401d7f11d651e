using System.Data.Common;
using NpgsqlTypes;

namespace Hotline.Ledger.Kernel;

/// <summary>
/// A statement queued in a Marten session's batch that returns a result set (a select, or a write with
/// <c>returning</c>), with typed parameters in the order of its <c>?</c> placeholders: it goes to PostgreSQL with the
/// session's other writes, in the same round trip. Its result is handed to <see cref="Returned"/> if set, and
/// otherwise not read. A statement without a result set is a <see cref="BatchWrite"/>.
/// </summary>
public sealed class BatchStatement(string sql, params (object? Value, NpgsqlDbType Type)[] values) : Marten.Internal.Operations.IStorageOperation
{
    public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

    /// <summary>Reads what the statement returns, as Marten's batch reaches its result.</summary>
    public Func<DbDataReader, CancellationToken, Task>? Returned { get; init; }

    public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, Weasel.Storage.IStorageSession session) =>
        Bind(builder, sql, values.Select(v => (v.Value, (NpgsqlDbType?)v.Type)).ToArray());

    /// <summary>
    /// Appends <paramref name="sql"/> to the command with its <c>?</c> placeholders bound in order; a value given without
    /// a type is typed from its .NET type as Marten would, a null goes as SQL null.
    /// </summary>
    public static void Bind(Weasel.Postgresql.ICommandBuilder builder, string sql, IReadOnlyList<(object? Value, NpgsqlDbType? Type)> values)
    {
        var parameters = builder.AppendWithParameters(sql, '?');
        if (parameters.Length != values.Count)
            throw new InvalidOperationException($"The statement takes {parameters.Length} parameters, given {values.Count}.");
        for (var i = 0; i < parameters.Length; i++)
        {
            var (value, type) = values[i];
            type ??= value is null ? null : Weasel.Postgresql.PostgresqlProvider.Instance.TryGetDbType(value.GetType());
            if (type is { } known) parameters[i].NpgsqlDbType = known;
            parameters[i].Value = value ?? DBNull.Value;
        }
    }

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) =>
        Returned is { } read ? read(reader, token) : Task.CompletedTask;

    public Weasel.Core.OperationRole Role() => Weasel.Core.OperationRole.Other;
}
