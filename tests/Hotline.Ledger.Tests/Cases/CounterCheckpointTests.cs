using Hotline.Ledger.Cases;
using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Tests.Support;
using Hotline.Ledger.Time;
using Npgsql;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The weekly checkpoints of the units' counters (ADR 0045) must give exactly what summing the raw rows gives,
/// for any point on both clocks: just before, at and after a checkpoint instant, before any row, long after the last.
/// </summary>
public class CounterCheckpointTests(LedgerApp app) : LedgerTest(app)
{
    private sealed record Row(SubjectKind Kind, Guid Subject, int Year, DateOnly On, DateTimeOffset RecordedAt, CaseCounts Counts);

    [Fact]
    public async Task Unit_counts_through_checkpoints_equal_the_plain_sum_of_the_rows_at_every_point()
    {
        var rng = new Random(2023);
        var units = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        var start = new DateTimeOffset(2023, 1, 2, 0, 0, 0, TimeSpan.FromHours(8));
        var rows = new List<Row>();
        for (var i = 0; i < 3_000; i++)
        {
            var recorded = start + TimeSpan.FromMinutes(rng.Next(16 * 7 * 24 * 60));
            // Mostly the year's own units and days, some early and late days, some rows of another year and of people.
            var on = DateOnly.FromDateTime(recorded.UtcDateTime).AddDays(rng.Next(-20, 9));
            var kind = rng.Next(10) == 0 ? SubjectKind.Person : SubjectKind.Unit;
            var year = rng.Next(12) == 0 ? 2024 : 2023;
            rows.Add(new Row(kind, units[rng.Next(units.Length)], year, on, recorded,
                new CaseCounts(rng.Next(-1, 3), rng.Next(-1, 2), rng.Next(2), rng.Next(2), 0, rng.Next(-1, 2), 0, rng.Next(3), rng.Next(2), rng.Next(2), rng.Next(-1, 2))));
        }

        // Checkpoint instants themselves, and rows stamped exactly on one.
        var grid = CounterCheckpoints.GridPointAtOrBefore(start + TimeSpan.FromDays(30));
        rows.Add(new Row(SubjectKind.Unit, units[0], 2023, new DateOnly(2023, 2, 1), grid, new CaseCounts(Assigned: 7)));

        await using (var conn = new NpgsqlConnection(LedgerApp.ConnectionString))
        {
            await conn.OpenAsync();
            await CaseCounters.Copy(conn, App.Schema, rows.Select(r => (new CounterKey(r.Kind, r.Subject, r.Year, r.On), r.Counts, r.RecordedAt)));
        }

        var probes = new List<(DateOnly AsOf, DateTimeOffset KnownAt)>
        {
            (new DateOnly(2023, 12, 31), DateTimeOffset.UtcNow), (new DateOnly(2022, 12, 31), DateTimeOffset.UtcNow),
            (new DateOnly(2024, 6, 30), start.AddDays(60)), (new DateOnly(2023, 3, 1), start.AddTicks(-10)),
            (new DateOnly(2023, 2, 1), grid), (new DateOnly(2023, 2, 1), grid.AddTicks(-10)), (new DateOnly(2023, 2, 1), grid.AddTicks(10)),
        };
        for (var i = 0; i < 150; i++)
            probes.Add((new DateOnly(2022, 12, 20).AddDays(rng.Next(140)), start + TimeSpan.FromMinutes(rng.Next(-2_000, 18 * 7 * 24 * 60))));

        foreach (var (asOf, knownAt) in probes)
        {
            var expected = rows.Where(r => r.Kind == SubjectKind.Unit && r.Year == 2023 && r.On <= asOf && r.RecordedAt <= knownAt)
                .GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => g.Aggregate(CaseCounts.Zero, (a, r) => a + r.Counts));
            var actual = await CounterCheckpoints.Sum(App.Store, SubjectKind.Unit, 2023, asOf, knownAt);
            foreach (var unit in units)
                Assert.True((expected.GetValueOrDefault(unit) ?? CaseCounts.Zero) == (actual.GetValueOrDefault(unit) ?? CaseCounts.Zero),
                    $"unit {unit} at asOf {asOf}, knownAt {knownAt:O}: expected {expected.GetValueOrDefault(unit)}, got {actual.GetValueOrDefault(unit)}");

            // One unit alone, as a score reads it: its row of the latest checkpoint and its rows since (ADR 0202).
            var one = units[probes.IndexOf((asOf, knownAt)) % units.Length];
            await using var session = App.Store.QuerySession();
            var alone = (await CaseCounters.SumApart(session, SubjectKind.Unit, 2023, asOf, knownAt, subjectId: one)).GetValueOrDefault(one) ?? CaseCounts.Zero;
            Assert.True((expected.GetValueOrDefault(one) ?? CaseCounts.Zero) == alone, $"unit {one} alone at asOf {asOf}, knownAt {knownAt:O}: expected {expected.GetValueOrDefault(one)}, got {alone}");
        }

        await using var check = new NpgsqlConnection(LedgerApp.ConnectionString);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(distinct checkpoint_at) from \"{App.Schema}\".{CounterCheckpoints.TableName}", check);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 10, "the probes should have gone through many weekly checkpoints");
        // A unit's totals are stored in spans of days small enough to stay inline (ADR 0208): the answers above went through them.
        await using var spans = new NpgsqlCommand(
            $"select max(cardinality(totals)), max(span) - min(span) from \"{App.Schema}\".{CounterCheckpoints.TableName} where subject_kind = {(short)SubjectKind.Unit} and subject_id <> @none", check);
        spans.Parameters.AddWithValue("none", Guid.Empty);
        await using var reader = await spans.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetInt32(0) <= CounterCheckpoints.SpanDays * 11, "a span's row holds at most its days' totals");
        Assert.True(reader.GetInt32(1) >= 3, "sixteen weeks of rows should fill several spans");
    }

    [Fact]
    public async Task Every_persons_counts_through_folded_checkpoints_equal_the_plain_sum_at_every_point()
    {
        // People's checkpoints fold the days before their own (ADR 0201): any asOf, before, on and after a fold day, must
        // still get exactly the rows' sum, with rows dated days before or after the instant they were recorded.
        var rng = new Random(2022);
        var people = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToArray();
        var start = new DateTimeOffset(2022, 1, 3, 0, 0, 0, TimeSpan.FromHours(8));
        var rows = new List<Row>();
        for (var i = 0; i < 3_000; i++)
        {
            var recorded = start + TimeSpan.FromMinutes(rng.Next(16 * 7 * 24 * 60));
            var on = OfficeCalendar.DateOf(recorded).AddDays(rng.Next(5) == 0 ? rng.Next(-40, 4) : 0);
            var kind = rng.Next(10) == 0 ? SubjectKind.Unit : SubjectKind.Person;
            var year = rng.Next(12) == 0 ? 2023 : 2022;
            rows.Add(new Row(kind, people[rng.Next(people.Length)], year, on, recorded,
                new CaseCounts(rng.Next(-1, 3), rng.Next(-1, 2), rng.Next(2), rng.Next(2), 0, rng.Next(-1, 2), 0, rng.Next(3), rng.Next(2), rng.Next(2), rng.Next(-1, 2))));
        }

        // A person whose rows all come after the first checkpoints, and a row stamped exactly on a checkpoint instant.
        var late = Guid.NewGuid();
        var grid = CounterCheckpoints.GridPointAtOrBefore(start + TimeSpan.FromDays(30));
        rows.Add(new Row(SubjectKind.Person, late, 2022, new DateOnly(2022, 3, 20), start.AddDays(70), new CaseCounts(Assigned: 3)));
        rows.Add(new Row(SubjectKind.Person, people[0], 2022, OfficeCalendar.DateOf(grid), grid, new CaseCounts(Assigned: 7)));

        await using (var conn = new NpgsqlConnection(LedgerApp.ConnectionString))
        {
            await conn.OpenAsync();
            await CaseCounters.Copy(conn, App.Schema, rows.Select(r => (new CounterKey(r.Kind, r.Subject, r.Year, r.On), r.Counts, r.RecordedAt)));
        }

        var probes = new List<(DateOnly AsOf, DateTimeOffset KnownAt)>
        {
            (new DateOnly(2022, 12, 31), DateTimeOffset.UtcNow), (new DateOnly(2021, 12, 31), DateTimeOffset.UtcNow),
            (OfficeCalendar.DateOf(grid), grid), (OfficeCalendar.DateOf(grid).AddDays(-1), grid.AddTicks(10)),
            (OfficeCalendar.DateOf(grid).AddDays(-2), DateTimeOffset.UtcNow), (new DateOnly(2022, 3, 19), DateTimeOffset.UtcNow),
        };
        for (var i = 0; i < 150; i++)
            probes.Add((new DateOnly(2021, 12, 20).AddDays(rng.Next(150)), start + TimeSpan.FromMinutes(rng.Next(-2_000, 18 * 7 * 24 * 60))));

        foreach (var (asOf, knownAt) in probes)
        {
            var expected = rows.Where(r => r.Kind == SubjectKind.Person && r.Year == 2022 && r.On <= asOf && r.RecordedAt <= knownAt)
                .GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => g.Aggregate(CaseCounts.Zero, (a, r) => a + r.Counts));
            await using var session = App.Store.QuerySession();
            var actual = await CaseCounters.SumApart(session, SubjectKind.Person, 2022, asOf, knownAt);
            foreach (var person in people.Append(late))
            {
                Assert.True((expected.GetValueOrDefault(person) ?? CaseCounts.Zero) == (actual.GetValueOrDefault(person) ?? CaseCounts.Zero),
                    $"person {person} at asOf {asOf}, knownAt {knownAt:O}: expected {expected.GetValueOrDefault(person)}, got {actual.GetValueOrDefault(person)}");
                var alone = (await CaseCounters.SumApart(session, SubjectKind.Person, 2022, asOf, knownAt, subjectId: person)).GetValueOrDefault(person) ?? CaseCounts.Zero;
                Assert.True((expected.GetValueOrDefault(person) ?? CaseCounts.Zero) == alone,
                    $"person {person} alone at asOf {asOf}, knownAt {knownAt:O}: expected {expected.GetValueOrDefault(person)}, got {alone}");
            }
        }

        await using var check = new NpgsqlConnection(LedgerApp.ConnectionString);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select count(distinct checkpoint_at) from \"{App.Schema}\".{CounterCheckpoints.TableName} where subject_kind = {(short)SubjectKind.Person}", check);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 10, "the probes should have gone through many people's checkpoints");
    }

    [Fact]
    public async Task A_sum_after_a_checkpoint_reads_the_checkpoint_and_catching_up_again_takes_none()
    {
        // A year of its own: a checkpoint covers every unit of its kind and year.
        var unit = Guid.NewGuid();
        var start = new DateTimeOffset(2021, 1, 4, 0, 0, 0, TimeSpan.FromHours(8)); // a Monday: a grid point
        await using (var conn = new NpgsqlConnection(LedgerApp.ConnectionString))
        {
            await conn.OpenAsync();
            await CaseCounters.Copy(conn, App.Schema, [
                (new CounterKey(SubjectKind.Unit, unit, 2021, new DateOnly(2021, 1, 4)), new CaseCounts(Assigned: 1), start.AddDays(1)),
                (new CounterKey(SubjectKind.Unit, unit, 2021, new DateOnly(2021, 1, 12)), new CaseCounts(Assigned: 1), start.AddDays(9)),
            ]);
        }

        var knownAt = start.AddDays(15);
        Assert.Equal(2, (await CounterCheckpoints.Sum(App.Store, SubjectKind.Unit, 2021, new DateOnly(2021, 12, 31), knownAt))[unit].Assigned);

        // Mark the checkpoint just taken (two weeks in: its last day's 'assigned' total) so that an answer read through
        // it can be told from one summed from the rows.
        await using (var conn = new NpgsqlConnection(LedgerApp.ConnectionString))
        {
            await conn.OpenAsync();
            await using var mark = new NpgsqlCommand(
                $"update \"{App.Schema}\".{CounterCheckpoints.TableName} set totals[cardinality(totals) - 10] = totals[cardinality(totals) - 10] + 1000 " +
                $"where subject_id = @unit and checkpoint_at = @at and span = (select max(span) from \"{App.Schema}\".{CounterCheckpoints.TableName} where subject_id = @unit and checkpoint_at = @at)", conn);
            mark.Parameters.AddWithValue("unit", unit);
            mark.Parameters.AddWithValue("at", start.AddDays(14).ToUniversalTime());
            Assert.Equal(1, await mark.ExecuteNonQueryAsync());
        }

        Assert.Equal(1002, (await CounterCheckpoints.Sum(App.Store, SubjectKind.Unit, 2021, new DateOnly(2021, 12, 31), knownAt))[unit].Assigned);
        // A score's read of the unit alone goes through the same checkpoint (ADR 0202).
        await using (var session = App.Store.QuerySession())
            Assert.Equal(1002, (await CaseCounters.SumApart(session, SubjectKind.Unit, 2021, new DateOnly(2021, 12, 31), knownAt, subjectId: unit))[unit].Assigned);
        Assert.Equal(2, (await CounterCheckpoints.Sum(App.Store, SubjectKind.Unit, 2021, new DateOnly(2021, 12, 31), start.AddDays(13)))[unit].Assigned);

        // Every later week has nothing new: catching up writes what is missing once, then nothing.
        await CounterCheckpoints.CatchUp(App.Store, SubjectKind.Unit, 2021);
        Assert.Equal(0, await CounterCheckpoints.CatchUp(App.Store, SubjectKind.Unit, 2021));
    }
}
