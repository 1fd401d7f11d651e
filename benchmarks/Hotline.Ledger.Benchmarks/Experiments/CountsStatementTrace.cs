using System.Text.Json;

namespace Hotline.Ledger.Benchmarks.Experiments;

/// <summary>
/// Development aid for <see cref="ScoreTrace"/>: a score's counts read (one subject, <see cref="CounterCheckpoints.OneStatement"/>)
/// beside the statement it replaced, alternately for each probe and in either order, with the same parameters on the same
/// connection: each timed alone, then under <c>EXPLAIN (ANALYZE, BUFFERS)</c> for the pages it touched and the plan's own
/// time. The previous statement joined the latest checkpoint and took it and the last span with max(); on a spans table
/// whose statistics did not know the probed years its plan read every row of a checkpoint, or every checkpoint of the
/// subject's year (ADR 0211).
/// </summary>
public static class CountsStatementTrace
{
    private const int Counts = CounterCheckpoints.Counts;

    private static string Previous(string schema) => $"""
        with c as (select max(checkpoint_at) as at from {schema}.{CounterCheckpoints.TableName} where subject_kind = @kind and year = @year and checkpoint_at <= @to)
        select totals[day * {Counts} + 1 : day * {Counts} + {Counts}]
        from (select t.totals, least(@asOf - t.first_day, cardinality(t.totals) / {Counts} - 1) as day
              from {schema}.{CounterCheckpoints.TableName} t, c
              where t.subject_kind = @kind and t.year = @year and t.checkpoint_at = c.at and t.subject_id = @subject
                and t.span = least(@span, (select max(span) from {schema}.{CounterCheckpoints.TableName} where subject_kind = @kind and year = @year and checkpoint_at = c.at))) x
        where day >= 0
        union all
        select array[{CounterCheckpoints.Sums}]::integer[]
        from {schema}.{CaseCounters.TableName} r, c
        where r.subject_id = @subject and r.year = @year and r.subject_kind = @kind and r.occurred_on <= @asOf
          and r.recorded_at > coalesce(c.at, '-infinity'::timestamptz) and r.recorded_at <= @knownAt
        having count(*) > 0
        """;

    public static async Task Run(BenchHost host, string label, IEnumerable<string> urls)
    {
        var schema = host.Store.Options.DatabaseSchemaName;
        await using var conn = host.Store.Storage.Database.CreateConnection();
        await conn.OpenAsync();
        var figures = new Dictionary<string, (List<double> Ms, List<double> PlanMs, List<double> Pages, List<string> Answers)>
        {
            ["previous"] = ([], [], [], []),
            ["this"] = ([], [], [], []),
        };
        var order = 0;
        foreach (var url in urls)
        {
            var path = url.Split('?')[0].Split('/');
            var kind = path[2] == "units" ? SubjectKind.Unit : SubjectKind.Person;
            var id = Guid.Parse(path[3]);
            var query = System.Web.HttpUtility.ParseQueryString(url.Split('?')[1]);
            var (q, _) = ScoreQuery.Parse(query["year"], query["asOf"], query["knownAt"], TimeProvider.System);
            var bound = CounterCheckpoints.OneBound(host.Store, kind, q!.AsOf, q.KnownAt);
            // Alternately first, so that neither always finds the other's pages in the cache.
            string[] names = order++ % 2 == 0 ? ["previous", "this"] : ["this", "previous"];
            foreach (var name in names)
            {
                await using var cmd = CounterCheckpoints.OneStatement(conn, schema, kind, q.Year, bound, q.AsOf, q.KnownAt, id);
                if (name == "previous") cmd.CommandText = Previous(schema);
                var (ms, planMs, pages, answers) = figures[name];
                var w = Stopwatch.StartNew();
                var answer = new List<string>();
                await using (var reader = await cmd.ExecuteReaderAsync())
                    while (await reader.ReadAsync())
                        answer.Add(string.Join(",", reader.GetFieldValue<int[]>(0)));
                ms.Add(w.Elapsed.TotalMilliseconds);
                answers.Add(string.Join(";", answer));

                cmd.CommandText = "explain (analyze, buffers, format json) " + cmd.CommandText;
                using var plan = JsonDocument.Parse((string)(await cmd.ExecuteScalarAsync())!);
                var top = plan.RootElement[0];
                var node = top.GetProperty("Plan");
                planMs.Add(top.GetProperty("Execution Time").GetDouble());
                pages.Add(node.GetProperty("Shared Hit Blocks").GetInt64() + node.GetProperty("Shared Read Blocks").GetInt64());
            }
        }

        Console.WriteLine($"a score's counts read, {label}, the statement before ADR 0211 and this one alternately ({figures["this"].Ms.Count} probes each):");
        foreach (var (name, (ms, planMs, pages, _)) in figures)
        {
            var l = Latencies.Of(ms, 0, TimeSpan.Zero);
            var p = Latencies.Of(planMs, 0, TimeSpan.Zero);
            Console.WriteLine($"  {name,-8} p50 {l.P50,6:F2} / p95 {l.P95,6:F2} ms; in the plan p50 {p.P50,6:F2} / p95 {p.P95,6:F2} ms; pages mean {pages.Average(),8:F1}, max {pages.Max(),6:F0}");
        }

        var same = figures["previous"].Answers.SequenceEqual(figures["this"].Answers);
        Console.WriteLine($"  the same answers: {(same ? "yes" : "NO")}");
    }
}
