using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace Hotline.Ledger.Web.SignIn;

/// <summary>
/// What the screens keep beside the ledger so that any node can serve any screen (docs/adr/0117-screens-on-any-node.md):
/// the sessions, and ASP.NET's data-protection keys, which seal the session cookie, the antiforgery tokens
/// and the sign-in's correlation cookies — a key ring per node would make each node refuse the others' cookies.
/// </summary>
public static class WebStorage
{
    public const string Sessions = "hl_web_sessions";
    public const string Keys = "hl_web_keys";

    public static IEnumerable<Table> Tables(string schema)
    {
        var sessions = new Table($"{schema}.{Sessions}");
        sessions.AddColumn<string>("key").AsPrimaryKey();
        sessions.AddColumn("ticket", "bytea").NotNull();
        sessions.AddColumn<DateTimeOffset>("expires_at");
        yield return sessions;

        var keys = new Table($"{schema}.{Keys}");
        keys.AddColumn<string>("name").AsPrimaryKey();
        keys.AddColumn<string>("xml").NotNull();
        keys.AddColumn<DateTimeOffset>("stored_at").NotNull().DefaultValueByExpression("now()");
        yield return keys;
    }

    public static string Qualified(string schema, string table) => $"\"{schema}\".{table}";

    /// <summary>
    /// The data-protection key ring in PostgreSQL, shared by every node. The keys are stored as ASP.NET
    /// writes them (not encrypted again): whoever reads this table could open a cookie, as whoever reads
    /// the sessions table could; both sit beside a ledger that such a reader sees whole anyway.
    /// </summary>
    public sealed class KeyRing(NpgsqlDataSource db, IConfiguration config) : IXmlRepository
    {
        private readonly string _table = Qualified(config["Hotline:Schema"] ?? "hotline", Keys);

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var command = db.CreateCommand($"select xml from {_table} order by stored_at");
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var command = db.CreateCommand($"insert into {_table} (name, xml) values ($1, $2) on conflict (name) do nothing");
            command.Parameters.AddWithValue(friendlyName);
            command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }
    }
}
