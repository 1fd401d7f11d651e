using Hotline.Ledger.Rulebooks;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace Hotline.Ledger.Cases.Rates;

/// <summary>
/// Weekly checkpoints of the units' rate counters (ADR 0045), so that summing every unit's counts — a ranking,
/// the warnings — reads one row per unit instead of every counter row of the year. A checkpoint holds, per
/// unit, its running totals by business day (one array: day d holds the counts of every day up to d) as
/// recorded up to a weekly instant; the counts at (asOf, knownAt) are the checkpoint's totals on asOf — eleven
/// numbers cut out of the array by the database — plus the counter rows recorded after the checkpoint, up to
/// knownAt. Exact, like the rows: a checkpoint is only ever taken of a past the feed can no longer write to
/// (<see cref="Settle"/>), and is derived from the rows alone, so a rebuild may simply drop them. Built on
/// demand, from the latest one before it, and kept.
/// <para>People's checkpoints (ADR 0201) are folded: a year of days for each of a city's thousands of people would
/// be far larger than the rows. A person's array starts at the checkpoint's fold day (the day before its instant),
/// that first element holding every day up to it; only days dated later (rows recorded early) follow. Such a
/// checkpoint answers any asOf on or after its fold day, so a sum over people reads the latest checkpoint whose fold
/// day is not after asOf: for the start page (asOf today) the latest of all.</para>
/// <para>A unit's array is stored in spans of <see cref="SpanDays"/> days, one row each, every unit's spans running to the
/// checkpoint's last day (ADR 0208): a span's row stays small enough to be stored inline, so reading every unit's totals
/// on a day reads one small row each from one span, where a year-long array had to be fetched from out-of-line storage
/// and decompressed whole to cut eleven numbers out of it. A person's folded array is one row (span 0).</para>
/// </summary>
public static class CounterCheckpoints
{
    // Running totals (ADR 0049) in spans of days (ADR 0208), in a table of their own name.
    public const string TableName = "hl_case_counter_spans";

    /// <summary>Days a row of a unit's totals holds: 32 × 11 integers stay under PostgreSQL's out-of-line threshold (2 kB a row).</summary>
    public const int SpanDays = 32;

    /// <summary>A checkpoint every week (Mondays 00:00, Asia/Shanghai): at most a week of rows is summed raw.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(7);

    /// <summary>How long after an instant no feed write can still commit rows stamped before it.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);

    private static readonly DateTimeOffset Anchor = new(2018, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    internal const int Counts = 11;
    internal const string Sums = "sum(assigned), sum(completed), sum(visited), sum(satisfied), sum(basically_satisfied), sum(dissatisfied), " +
                                "sum(unreached), sum(votes), sum(votes_satisfied), sum(reply_due), sum(replied_on_time)";

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn("subject_kind", "smallint").NotNull().AsPrimaryKey();
        table.AddColumn<int>("year").NotNull().AsPrimaryKey();
        table.AddColumn<DateTimeOffset>("checkpoint_at").NotNull().AsPrimaryKey();
        table.AddColumn<int>("span").NotNull().AsPrimaryKey();
        table.AddColumn<Guid>("subject_id").NotNull().AsPrimaryKey();
        table.AddColumn("first_day", "date").NotNull();
        table.AddColumn("totals", "integer[]").NotNull();
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
        // A folded checkpoint answers from its fold day on: its instant may not be after the end of asOf's day.
        var usable = kind == SubjectKind.Person ? Min(settled, OfficeCalendar.EndOf(asOf)) : settled;
        // No checkpoint is taken before the anchor: a bound before it finds none and the sum is the plain one.
        DateTimeOffset? g = usable >= Anchor ? GridPointAtOrBefore(usable) : null;

        // One statement (ADR 0208): the latest checkpoint at or before g, every subject's totals on asOf in it, and the rows
        // recorded since it up to knownAt, summed by subject — the same sum whichever checkpoint it starts from.
        var (latest, result) = await TotalsAndRowsSince(conn, schema, kind, year, g ?? Anchor - Interval, asOf, knownAt, ct);

        // The checkpoint of g is missing: taken now for the reads to come (none is written when no row came since the latest).
        if (g is { } grid && latest != grid) await Take(conn, schema, kind, year, grid, latest, ct);

        return result.ToDictionary(r => r.Key, r => new CaseCounts(r.Value[0], r.Value[1], r.Value[2], r.Value[3], r.Value[4], r.Value[5], r.Value[6],
                r.Value[7], r.Value[8], r.Value[9], r.Value[10]));
    }

    /// <summary>
    /// Every subject's totals on <paramref name="asOf"/> in the latest checkpoint at or before <paramref name="bound"/> (its last
    /// day's when asOf is later; none before its first day), plus its rows recorded after that checkpoint (or ever) up to
    /// <paramref name="knownAt"/>, in one round trip; the checkpoint's instant first.
    /// </summary>
    private static async Task<(DateTimeOffset? Latest, Dictionary<Guid, int[]> Sums)> TotalsAndRowsSince(
        NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset bound, DateOnly asOf, DateTimeOffset knownAt, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        // The instant is a scalar subquery, computed once, so that both parts use it as an index bound; it and the last span are
        // each the first key of a backward walk of the index, not a max(), whose plan depends on the table's statistics (ADR 0211).
        cmd.CommandText = $"""
                           with c as materialized ({LatestAtOrBefore(schema)})
                           select 0 as part, null::uuid, null::integer[], (select at from c)
                           union all
                           select 1, subject_id, totals[day * {Counts} + 1 : day * {Counts} + {Counts}], null
                           from (select subject_id, totals, least(@asOf - first_day, cardinality(totals) / {Counts} - 1) as day
                                 from {schema}.{TableName}
                                 where subject_kind = @kind and year = @year and checkpoint_at = (select at from c) and subject_id <> @none
                                   and span = least(@span, ({LastSpan(schema)}))) t
                           where day >= 0
                           union all
                           select 2, subject_id, array[{Sums}]::integer[], null
                           from {schema}.{CaseCounters.TableName}
                           where subject_kind = @kind and year = @year and occurred_on <= @asOf
                             and recorded_at > coalesce((select at from c), '-infinity'::timestamptz) and recorded_at <= @knownAt
                           group by subject_id
                           """;
        Bind(cmd, kind, year, DateTimeOffset.MinValue, bound);
        cmd.Parameters.AddWithValue("asOf", asOf);
        cmd.Parameters.AddWithValue("span", SpanOf(kind, asOf));
        cmd.Parameters.AddWithValue("none", Guid.Empty);
        cmd.Parameters.AddWithValue("knownAt", knownAt.ToUniversalTime());
        DateTimeOffset? latest = null;
        var sums = new Dictionary<Guid, int[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetInt32(0) == 0)
            {
                // A timestamptz comes back as a UTC DateTime (ADR 0049).
                if (!reader.IsDBNull(3)) latest = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc));
                continue;
            }

            var part = reader.GetFieldValue<int[]>(2);
            if (!sums.TryGetValue(reader.GetGuid(1), out var sum)) sums[reader.GetGuid(1)] = sum = new int[Counts];
            for (var c = 0; c < Counts; c++) sum[c] += part[c];
        }

        return (latest, sums);
    }

    /// <summary>
    /// One subject's counts at (<paramref name="asOf"/>, <paramref name="knownAt"/>) (ADR 0202): its row of the latest checkpoint
    /// already taken that may answer, and its rows recorded since, read by the index on (subject, year, recorded instant) —
    /// a week's rows instead of the year's, a unit's year at city scale being thousands of rows on as many pages. Takes
    /// no checkpoint (a single read must not write one for the whole city); without one it is the plain sum.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, CaseCounts>> SumOne(
        IDocumentStore store, SubjectKind kind, int year, DateOnly asOf, DateTimeOffset knownAt, Guid subjectId, CancellationToken ct = default)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        var schema = store.Options.DatabaseSchemaName;
        var bound = OneBound(store, kind, asOf, knownAt);

        // One statement, one round trip: the latest checkpoint's instant, the subject's totals on asOf in it, its rows since.
        await using var cmd = OneStatement(conn, schema, kind, year, bound, asOf, knownAt, subjectId);
        var sum = new int[Counts];
        var found = false;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var part = reader.GetFieldValue<int[]>(0);
                for (var c = 0; c < Counts; c++) sum[c] += part[c];
                found = true;
            }

        if (!found) return new Dictionary<Guid, CaseCounts>();
        return new Dictionary<Guid, CaseCounts>
        {
            [subjectId] = new(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8], sum[9], sum[10]),
        };
    }

    /// <summary>The latest checkpoint <see cref="SumOne"/> may read is at or before this instant.</summary>
    internal static DateTimeOffset OneBound(IDocumentStore store, SubjectKind kind, DateOnly asOf, DateTimeOffset knownAt)
    {
        var settled = Min(knownAt, StoreNow(store) - Settle);
        var usable = kind == SubjectKind.Person ? Min(settled, OfficeCalendar.EndOf(asOf)) : settled;
        // No checkpoint is taken before the anchor: a bound before it finds none and the sum is the plain one.
        return usable >= Anchor ? GridPointAtOrBefore(usable) : Anchor - Interval;
    }

    /// <summary>
    /// <see cref="SumOne"/>'s statement. Every part of it is a walk of an index to keys it knows before it starts: the latest
    /// checkpoint and its last span as the first entry of a backward walk, then the subject's one row by its whole key, then its
    /// rows since by (subject, year, instant). With max() for the checkpoint and the span and a join to the checkpoint, the
    /// planner, on a table whose statistics do not yet know the year (a new table, a catch-up of years, the weeks of a new
    /// year before autovacuum analyses it), reads every checkpoint row of the year, or every checkpoint of the subject's
    /// year, for the one row (ADR 0211).
    /// </summary>
    internal static NpgsqlCommand OneStatement(NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset bound, DateOnly asOf,
        DateTimeOffset knownAt, Guid subjectId)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
                           with c as materialized ({LatestAtOrBefore(schema)})
                           select totals[day * {Counts} + 1 : day * {Counts} + {Counts}]
                           from (select totals, least(@asOf - first_day, cardinality(totals) / {Counts} - 1) as day
                                 from {schema}.{TableName}
                                 where subject_kind = @kind and year = @year and checkpoint_at = (select at from c) and subject_id = @subject
                                   and span = least(@span, ({LastSpan(schema)}))) x
                           where day >= 0
                           union all
                           select array[{Sums}]::integer[]
                           from {schema}.{CaseCounters.TableName}
                           where subject_id = @subject and year = @year and subject_kind = @kind and occurred_on <= @asOf
                             and recorded_at > coalesce((select at from c), '-infinity'::timestamptz) and recorded_at <= @knownAt
                           having count(*) > 0
                           """;
        Bind(cmd, kind, year, DateTimeOffset.MinValue, bound);
        cmd.Parameters.AddWithValue("asOf", asOf);
        cmd.Parameters.AddWithValue("span", SpanOf(kind, asOf));
        cmd.Parameters.AddWithValue("subject", subjectId);
        cmd.Parameters.AddWithValue("knownAt", knownAt.ToUniversalTime());
        return cmd;
    }

    /// <summary>The latest checkpoint's instant at or before <c>@to</c> (no row when there is none), as <c>at</c>.</summary>
    private static string LatestAtOrBefore(string schema) =>
        $"select checkpoint_at as at from {schema}.{TableName} where subject_kind = @kind and year = @year and checkpoint_at <= @to order by checkpoint_at desc limit 1";

    /// <summary>The last span of the checkpoint <c>c</c> holds: the span of its last day.</summary>
    private static string LastSpan(string schema) =>
        $"select span from {schema}.{TableName} where subject_kind = @kind and year = @year and checkpoint_at = (select at from c) order by span desc limit 1";

    /// <summary>Takes every weekly checkpoint of <paramref name="year"/> up to now that is missing (as a nightly job would): answers how many were written.</summary>
    public static async Task<int> CatchUp(IDocumentStore store, SubjectKind kind, int year, CancellationToken ct = default)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        var schema = store.Options.DatabaseSchemaName;
        var written = 0;
        var last = GridPointAtOrBefore(StoreNow(store) - Settle);
        for (var g = GridPointAtOrBefore(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))); g <= last; g += Interval)
        {
            var latest = await Latest(conn, schema, kind, year, g, ct);
            if (latest != g && (await Take(conn, schema, kind, year, g, latest, ct)).Taken) written++;
        }

        return written;
    }

    /// <summary>The weekly instant at or before <paramref name="instant"/> (not before 2018).</summary>
    public static DateTimeOffset GridPointAtOrBefore(DateTimeOffset instant) =>
        instant < Anchor ? Anchor : Anchor + Interval * Math.Floor((instant - Anchor) / Interval);

    /// <summary>The latest checkpoint at or before <paramref name="g"/>, if any.</summary>
    private static async Task<DateTimeOffset?> Latest(NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset g, CancellationToken ct)
    {
        await using var find = conn.CreateCommand();
        find.CommandText = LatestAtOrBefore(schema);
        Bind(find, kind, year, DateTimeOffset.MinValue, g);
        // Npgsql reads a timestamptz as a UTC DateTime, never as a DateTimeOffset: reading it "as DateTimeOffset?"
        // found no checkpoint, ever, and every sum started again from the year's first row (ADR 0049).
        return await find.ExecuteScalarAsync(ct) is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    /// <summary>
    /// The checkpoint to read for the grid point <paramref name="g"/> when the latest is <paramref name="latest"/>
    /// (earlier, or none): that one, unchanged, when no row was recorded since it; else one taken at
    /// <paramref name="g"/> (<c>Taken</c> unless a racing twin wrote it first) — with no earlier one, always at g.
    /// </summary>
    private static async Task<(DateTimeOffset At, bool Taken)> Take(
        NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset g, DateTimeOffset? latest, CancellationToken ct)
    {
        // Rows recorded since the latest checkpoint (or ever), by subject and day; a person's days up to the fold day as one.
        var from = latest ?? DateTimeOffset.MinValue;
        var fold = FoldDay(kind, g);
        var rows = new List<(Guid Subject, DateOnly On, int[] Counts)>();
        await using (var delta = conn.CreateCommand())
        {
            var day = fold is null ? "occurred_on" : "greatest(occurred_on, @fold)";
            delta.CommandText = $"select subject_id, {day}, {Sums} from {schema}.{CaseCounters.TableName} " +
                                "where subject_kind = @kind and year = @year and recorded_at > @from and recorded_at <= @to group by 1, 2";
            Bind(delta, kind, year, from, g);
            if (fold is { } through) delta.Parameters.AddWithValue("fold", through);
            await using var reader = await delta.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var counts = new int[Counts];
                for (var c = 0; c < Counts; c++) counts[c] = (int)reader.GetInt64(2 + c);
                rows.Add((reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), counts));
            }
        }

        if (rows.Count == 0 && latest is { } unchanged) return (unchanged, false);

        // The latest checkpoint's days, the rows added to them, kept as of g.
        var days = latest is { } at ? await Load(conn, schema, kind, year, at, ct) : [];
        if (fold is { } foldDay)
            foreach (var (subject, had) in days.ToList())
                days[subject] = Fold(had, foldDay);
        foreach (var (subject, on, counts) in rows)
        {
            var (first, values) = days.TryGetValue(subject, out var had) ? had : (on, []);
            (first, values) = Cover(first, values, on);
            var index = (on.DayNumber - first.DayNumber) * Counts;
            for (var c = 0; c < Counts; c++) values[index + c] += counts[c];
            days[subject] = (first, values);
        }

        return (g, await Save(conn, schema, kind, year, g, days, ct));
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

    /// <summary>The day a person's checkpoint at <paramref name="g"/> folds its earlier days into (ADR 0201); none for units.</summary>
    public static DateOnly? FoldDay(SubjectKind kind, DateTimeOffset g) =>
        kind == SubjectKind.Person ? OfficeCalendar.DateOf(g).AddDays(-1) : null;

    /// <summary>Days (each day's own counts) with every day up to <paramref name="through"/> added into that one.</summary>
    private static (DateOnly First, int[] Values) Fold((DateOnly First, int[] Values) days, DateOnly through)
    {
        var (first, values) = days;
        if (first >= through) return days;
        var length = values.Length / Counts;
        var shift = through.DayNumber - first.DayNumber;
        var folded = new int[Math.Max(length - shift, 1) * Counts];
        for (var d = 0; d < length; d++)
        for (var c = 0; c < Counts; c++)
            folded[Math.Max(d - shift, 0) * Counts + c] += values[d * Counts + c];
        return (through, folded);
    }

    /// <summary>A checkpoint's counts by day (each day's own, not running), to add rows to.</summary>
    private static async Task<Dictionary<Guid, (DateOnly, int[])>> Load(NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset at, CancellationToken ct)
    {
        var days = new Dictionary<Guid, (DateOnly, int[])>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"select subject_id, first_day, totals from {schema}.{TableName} " +
                          "where subject_kind = @kind and year = @year and checkpoint_at = @to and subject_id <> @none order by subject_id, span";
        Bind(cmd, kind, year, DateTimeOffset.MinValue, at);
        cmd.Parameters.AddWithValue("none", Guid.Empty);
        // A unit's spans, in order, are its array cut at span boundaries: put back together before turning totals into days.
        var running = new Dictionary<Guid, (DateOnly First, List<int> Values)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var subject = reader.GetGuid(0);
                if (!running.TryGetValue(subject, out var had)) running[subject] = had = (reader.GetFieldValue<DateOnly>(1), []);
                had.Values.AddRange(reader.GetFieldValue<int[]>(2));
            }

        foreach (var (subject, (first, list)) in running)
        {
            var values = list.ToArray();
            for (var i = values.Length - 1; i >= Counts; i--) values[i] -= values[i - Counts];
            days[subject] = (first, values);
        }

        return days;
    }

    /// <summary>Writes a checkpoint, with a marker row so that an empty one is known to exist; answers false when a racing twin wrote the same rows first.</summary>
    private static async Task<bool> Save(NpgsqlConnection conn, string schema, SubjectKind kind, int year, DateTimeOffset at,
        Dictionary<Guid, (DateOnly First, int[] Days)> days, CancellationToken ct)
    {
        try
        {
            await using var copy = await conn.BeginBinaryImportAsync(
                $"copy {schema}.{TableName} (subject_kind, year, checkpoint_at, span, subject_id, first_day, totals) from stdin (format binary)", ct);
            // Every unit's running totals run to the checkpoint's last day, so that each has a row in any span up to it.
            var last = days.Count == 0 ? new DateOnly(year, 1, 1) : days.Values.Max(d => d.First.AddDays(d.Days.Length / Counts - 1));
            foreach (var (subject, (first, values)) in days)
            {
                var length = kind == SubjectKind.Unit ? last.DayNumber - first.DayNumber + 1 : values.Length / Counts;
                var totals = new int[length * Counts];
                Array.Copy(values, totals, values.Length);
                for (var i = Counts; i < totals.Length; i++) totals[i] += totals[i - Counts];
                foreach (var (spanFirst, from, count) in Spans(kind, first, length))
                    await WriteRow(copy, kind, year, at, SpanOf(kind, spanFirst), subject, spanFirst, totals[(from * Counts)..((from + count) * Counts)], ct);
            }

            await WriteRow(copy, kind, year, at, 0, Guid.Empty, new DateOnly(year, 1, 1), [], ct);

            await copy.CompleteAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Taken at the same moment by another reader: the same rows are there.
            return false;
        }
    }

    private static async Task WriteRow(NpgsqlBinaryImporter copy, SubjectKind kind, int year, DateTimeOffset at, int span, Guid subject, DateOnly first,
        int[] totals, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync((short)kind, NpgsqlDbType.Smallint, ct);
        await copy.WriteAsync(year, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(span, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(subject, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(first, NpgsqlDbType.Date, ct);
        await copy.WriteAsync(totals, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
    }

    /// <summary>The span a day's totals are stored in: a unit's by its day number, a person's folded array always in span 0.</summary>
    private static int SpanOf(SubjectKind kind, DateOnly day) => kind == SubjectKind.Unit ? day.DayNumber / SpanDays : 0;

    /// <summary>An array of <paramref name="length"/> days from <paramref name="first"/> cut at span boundaries: each piece's first day, offset and length.</summary>
    private static IEnumerable<(DateOnly First, int From, int Count)> Spans(SubjectKind kind, DateOnly first, int length)
    {
        for (var from = 0; from < length;)
        {
            var day = first.AddDays(from);
            var count = kind == SubjectKind.Unit ? Math.Min(length - from, SpanDays - day.DayNumber % SpanDays) : length;
            yield return (day, from, count);
            from += count;
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
