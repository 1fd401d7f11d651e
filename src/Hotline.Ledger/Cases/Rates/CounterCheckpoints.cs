using Hotline.Ledger.Rulebooks;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace Hotline.Ledger.Cases.Rates;

/// <summary>
/// Weekly checkpoints of the units' rate counters (ADR 0045), so that summing every unit's counts — a ranking,
/// the warnings — reads one row per unit instead of every counter row of the year. A checkpoint holds, per
/// unit, its counts by business day (one array) as recorded up to a weekly instant; the counts at
/// (asOf, knownAt) are the checkpoint's days up to asOf plus the counter rows recorded after the checkpoint,
/// up to knownAt. Exact, like the rows: a checkpoint is only ever taken of a past the feed can no longer
/// write to (<see cref="Settle"/>), and is derived from the rows alone, so a rebuild may simply drop them.
/// Built on demand, from the latest one before it, and kept.
/// </summary>
public static class CounterCheckpoints
{
    public const string TableName = "hl_case_counter_checkpoints";

    /// <summary>A checkpoint every week (Mondays 00:00, Asia/Shanghai): at most a week of rows is summed raw.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(7);

    /// <summary>How long after an instant no feed write can still commit rows stamped before it.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);

    private static readonly DateTimeOffset Anchor = new(2018, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private const int Counts = 11;
    private const string Sums = "sum(assigned), sum(completed), sum(visited), sum(satisfied), sum(basically_satisfied), sum(dissatisfied), " +
                                "sum(unreached), sum(votes), sum(votes_satisfied), sum(reply_due), sum(replied_on_time)";

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn("subject_kind", "smallint").NotNull().AsPrimaryKey();
        table.AddColumn<int>("year").NotNull().AsPrimaryKey();
        table.AddColumn<DateTimeOffset>("checkpoint_at").NotNull().AsPrimaryKey();
        table.AddColumn<Guid>("subject_id").NotNull().AsPrimaryKey();
        table.AddColumn("first_day", "date").NotNull();
        table.AddColumn("days", "integer[]").NotNull();
        return table;
    }

    /// <summary>The counts of every subject of <paramref name="kind"/> at (<paramref name="asOf"/>, <paramref name="knownAt"/>).</summary>
    public static async Task<IReadOnlyDictionary<Guid, CaseCounts>> Sum(
        IDocumentStore store, SubjectKind kind, int year, DateOnly asOf, DateTimeOffset knownAt, CancellationToken ct = default)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        var schema = store.Options.DatabaseSchemaName;
        var settled = Min(knownAt, StoreNow(store) - Settle);
        var (at, days, _) = settled < Anchor
            ? (DateTimeOffset.MinValue, new Dictionary<Guid, (DateOnly First, int[] Days)>(), false)
            : await Checkpoint(conn, schema, kind, year, GridPointAtOrBefore(settled), ct);

        var result = new Dictionary<Guid, int[]>();
        foreach (var (subject, (first, values)) in days)
        {
            var sum = new int[Counts];
            var last = Math.Min(asOf.DayNumber - first.DayNumber, values.Length / Counts - 1);
            for (var d = 0; d <= last; d++)
            for (var c = 0; c < Counts; c++) sum[c] += values[d * Counts + c];
            result[subject] = sum;
        }

        // The rows recorded after the checkpoint, up to knownAt, as the plain sum reads them.
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"select subject_id, {Sums} from {schema}.{CaseCounters.TableName} " +
                          "where subject_kind = @kind and year = @year and recorded_at > @from and recorded_at <= @to and occurred_on <= @asOf group by subject_id";
        Bind(cmd, kind, year, at, knownAt);
        cmd.Parameters.AddWithValue("asOf", asOf);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                if (!result.TryGetValue(reader.GetGuid(0), out var sum)) result[reader.GetGuid(0)] = sum = new int[Counts];
                for (var c = 0; c < Counts; c++) sum[c] += (int)reader.GetInt64(1 + c);
            }

        return result.ToDictionary(r => r.Key, r => new CaseCounts(r.Value[0], r.Value[1], r.Value[2], r.Value[3], r.Value[4], r.Value[5], r.Value[6],
                r.Value[7], r.Value[8], r.Value[9], r.Value[10]));
    }

    /// <summary>Takes every weekly checkpoint of <paramref name="year"/> up to now that is missing (as a nightly job would): answers how many were written.</summary>
    public static async Task<int> CatchUp(IDocumentStore store, SubjectKind kind, int year, CancellationToken ct = default)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        var schema = store.Options.DatabaseSchemaName;
        var written = 0;
        var last = GridPointAtOrBefore(StoreNow(store) - Settle);
        for (var g = GridPointAtOrBefore(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))); g <= last; g += Interval)
            if ((await Checkpoint(conn, schema, kind, year, g, ct)).Taken) written++;
        return written;
    }

    /// <summary>The weekly instant at or before <paramref name="instant"/> (not before 2018).</summary>
    public static DateTimeOffset GridPointAtOrBefore(DateTimeOffset instant) =>
        instant < Anchor ? Anchor : Anchor + Interval * Math.Floor((instant - Anchor) / Interval);

    /// <summary>
    /// The checkpoint to read for the grid point <paramref name="g"/>: the latest one at or before it, taken at
    /// <paramref name="g"/> first (<c>Taken</c>) if rows were recorded since that one.
    /// </summary>
    private static async Task<(DateTimeOffset At, Dictionary<Guid, (DateOnly First, int[] Days)> Days, bool Taken)> Checkpoint(
        NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset g, CancellationToken ct)
    {
        DateTimeOffset? latest;
        await using (var find = conn.CreateCommand())
        {
            find.CommandText = $"select max(checkpoint_at) from {schema}.{TableName} where subject_kind = @kind and year = @year and checkpoint_at <= @to";
            Bind(find, kind, year, DateTimeOffset.MinValue, g);
            // Npgsql reads a timestamptz as a UTC DateTime, never as a DateTimeOffset: reading it "as DateTimeOffset?"
            // found no checkpoint, ever, and every sum started again from the year's first row (ADR 0047).
            latest = await find.ExecuteScalarAsync(ct) is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
        }

        var days = latest is { } at ? await Load(conn, schema, kind, year, at, ct) : [];
        if (latest == g) return (g, days, false);

        // Rows recorded since the latest checkpoint (or ever): add them, by day, and keep the result as of g.
        var from = latest ?? DateTimeOffset.MinValue;
        var changed = false;
        await using (var delta = conn.CreateCommand())
        {
            delta.CommandText = $"select subject_id, occurred_on, {Sums} from {schema}.{CaseCounters.TableName} " +
                                "where subject_kind = @kind and year = @year and recorded_at > @from and recorded_at <= @to group by subject_id, occurred_on";
            Bind(delta, kind, year, from, g);
            await using var reader = await delta.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                changed = true;
                var subject = reader.GetGuid(0);
                var on = reader.GetFieldValue<DateOnly>(1);
                var (first, values) = days.TryGetValue(subject, out var had) ? had : (on, []);
                (first, values) = Cover(first, values, on);
                var index = (on.DayNumber - first.DayNumber) * Counts;
                for (var c = 0; c < Counts; c++) values[index + c] += (int)reader.GetInt64(2 + c);
                days[subject] = (first, values);
            }
        }

        if (!changed && latest is { } unchanged) return (unchanged, days, false);
        return (g, days, await Save(conn, schema, kind, year, g, days, ct));
    }

    /// <summary>The day array widened, if need be, to hold <paramref name="on"/>.</summary>
    private static (DateOnly First, int[] Values) Cover(DateOnly first, int[] values, DateOnly on)
    {
        var length = values.Length / Counts;
        var newFirst = on < first ? on : first;
        var newLength = Math.Max(first.DayNumber + length, on.DayNumber + 1) - newFirst.DayNumber;
        if (newFirst == first && newLength == length) return (first, values);
        var wider = new int[newLength * Counts];
        Array.Copy(values, 0, wider, (first.DayNumber - newFirst.DayNumber) * Counts, values.Length);
        return (newFirst, wider);
    }

    private static async Task<Dictionary<Guid, (DateOnly, int[])>> Load(NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset at, CancellationToken ct)
    {
        var days = new Dictionary<Guid, (DateOnly, int[])>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"select subject_id, first_day, days from {schema}.{TableName} where subject_kind = @kind and year = @year and checkpoint_at = @to and subject_id <> @none";
        Bind(cmd, kind, year, DateTimeOffset.MinValue, at);
        cmd.Parameters.AddWithValue("none", Guid.Empty);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            days[reader.GetGuid(0)] = (reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<int[]>(2));
        return days;
    }

    /// <summary>Writes a checkpoint, with a marker row so that an empty one is known to exist; answers false when a racing twin wrote the same rows first.</summary>
    private static async Task<bool> Save(NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset at,
        Dictionary<Guid, (DateOnly First, int[] Days)> days, CancellationToken ct)
    {
        try
        {
            await using var copy = await conn.BeginBinaryImportAsync(
                $"copy {schema}.{TableName} (subject_kind, year, checkpoint_at, subject_id, first_day, days) from stdin (format binary)", ct);
            foreach (var (subject, (first, values)) in days.Append(new(Guid.Empty, (new DateOnly(year, 1, 1), []))))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync((short)kind, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(year, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(subject, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(first, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(values, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
            }

            await copy.CompleteAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Taken at the same moment by another reader: the same rows are there.
            return false;
        }
    }

    private static void Bind(NpgsqlCommand cmd, SubjectKind kind, int year, DateTimeOffset from, DateTimeOffset to)
    {
        cmd.Parameters.AddWithValue("kind", (short)kind);
        cmd.Parameters.AddWithValue("year", year);
        cmd.Parameters.AddWithValue("from", from == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : from.ToUniversalTime());
        cmd.Parameters.AddWithValue("to", to.ToUniversalTime());
    }

    private static DateTimeOffset StoreNow(IDocumentStore store) =>
        ((store.Options as StoreOptions)?.Events.TimeProvider ?? TimeProvider.System).GetUtcNow();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
