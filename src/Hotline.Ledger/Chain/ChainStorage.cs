using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Hotline.Ledger.Chain;

/// <summary>
/// The hash chain lives beside the events in a table of its own: one link per event, in the order the
/// ledger committed them (see docs/adr/0011-hash-chain.md). Every session the store opens seals the events
/// it appends (<see cref="LedgerSessionListener"/>).
/// </summary>
public sealed class ChainStorage : IConfigureMarten
{
    public const string TableName = "hl_ledger_chain";

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<long>("position").AsPrimaryKey();
        table.AddColumn<long>("seq_id").NotNull();
        table.AddColumn("hash", "char(64)").NotNull();
        table.AddColumn<DateTimeOffset>("sealed_at").NotNull().DefaultValueByExpression("now()");
        table.Indexes.Add(new IndexDefinition($"{TableName}_seq_id") { Columns = ["seq_id"], IsUnique = true });
        return table;
    }

    public static string Qualified(string schema) => $"\"{schema}\".{TableName}";

    /// <summary>One lock per schema serialises sealing, so that positions and previous hashes never race.</summary>
    public static long LockKey(string schema) => Kernel.SchemaLock.Key("chain", schema);

    public void Configure(IServiceProvider services, StoreOptions options)
    {
        var schema = options.DatabaseSchemaName;
        options.Storage.ExtendedSchemaObjects.Add(Table(schema));
        options.Listeners.Add(new LedgerSessionListener(schema));
    }
}
