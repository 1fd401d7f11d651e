using Hotline.Ledger.Storage;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Hotline.Ledger.Api.Idempotency;

/// <summary>
/// The keys live in PostgreSQL beside the events, so they survive a restart; a row is committed only
/// with its answer, in the transaction of the write it guards.
/// </summary>
public static class IdempotencyStorage
{
    public const string TableName = KeyedAnswers.TableName;

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("scope").AsPrimaryKey();
        table.AddColumn<string>("request_hash").NotNull();
        table.AddColumn<int>("status_code");
        table.AddColumn<string>("content_type");
        table.AddColumn<string>("location");
        table.AddColumn("body", "bytea");
        table.AddColumn<DateTimeOffset>("created_at").NotNull();
        return table;
    }
}
