using System.Text;

namespace Hotline.Ledger.Benchmarks.Report;

/// <summary>The one table a run prints: every figure beside the baseline measured in the same run.</summary>
public static class FiguresTable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(Figures f)
    {
        var o = new StringBuilder();
        o.AppendLine(C, $"Hotline Ledger benchmark — scale {f.Scale} (seed {f.Seed}), {f.LedgerEvents:N0} ledger events + {f.CaseEventsGenerated:N0} case events generated, run took {f.Total:hh\\:mm\\:ss}");
        o.AppendLine(C, $"Machine: {f.Machine}. Load average before/after: {f.LoadBefore} / {f.LoadAfter}.");
        o.AppendLine(C, $"Host: Kestrel on 127.0.0.1 in the benchmark process, PostgreSQL on the same machine, schema {f.Schema} ({(f.SchemaKept ? "kept" : "dropped")}). Marten append mode: {f.AppendMode}.");
        o.AppendLine();
        o.AppendLine("| figure | this run | baseline (same run) | ratio | target | met |");
        o.AppendLine("|---|---|---|---|---|---|");

        var ledgerN = f.LedgerMarten?.Events ?? 0;
        Row(o, $"Baseline: Marten quick append, batches of 1,000 — the first year's ledger events ({ledgerN:N0})", Ev(f.LedgerMarten), "—", "—", "—", "");
        Row(o, "Baseline: Npgsql binary COPY into a plain table — same events", Ev(f.LedgerCopy), Ev(f.LedgerMarten) + " (Marten)", Ratio(f.LedgerCopy, f.LedgerMarten), "—", "");
        Row(o, "Ledger history in process (EntryBook and the endpoints' domain calls, inline projections, 1,000 a session) — same events",
            Ev(f.LedgerInProcess), Ev(f.LedgerMarten) + " (Marten)", Ratio(f.LedgerInProcess, f.LedgerMarten), "—", "");

        var w = f.CaseMartenHttpWindow?.Events ?? 0;
        Row(o, $"Baseline: Marten quick append, batches of 1,000 — the first {w:N0} case-feed events", Ev(f.CaseMartenHttpWindow), "—", "—", "—", "");
        Row(o, "Baseline: Npgsql binary COPY — same case-feed events", Ev(f.CaseCopyHttpWindow), Ev(f.CaseMartenHttpWindow) + " (Marten)", Ratio(f.CaseCopyHttpWindow, f.CaseMartenHttpWindow), "—", "");
        Row(o, "Case feed via HTTP batch route (POST /api/cases/events, 1,000 a batch) — same events", Ev(f.CaseHttp), Ev(f.CaseMartenHttpWindow) + " (Marten)",
            Ratio(f.CaseHttp, f.CaseMartenHttpWindow), "≥ 70% of Marten", f.CaseHttp is { } http ? Met(http.PerSecond >= 0.7 * f.CaseMartenHttpWindow!.PerSecond) : "—");
        Row(o, "Case feed in process (the CaseFeed service the route calls, 1,000 a batch) — the next events of the feed", Ev(f.CaseInProcess), Ev(f.CaseMartenInProcessWindow) + " (Marten, same events)",
            Ratio(f.CaseInProcess, f.CaseMartenInProcessWindow), "≥ 100% of Marten",
            f.CaseInProcess is { Events: > 0 } ? Met(f.CaseInProcess.PerSecond >= f.CaseMartenInProcessWindow!.PerSecond) : "—");
        if (f.CaseInProcessAll is { Events: > 0 } all5)
            Row(o, $"Case feed in process, the whole load of {f.AllYears} years ({all5.Events:N0} events; {f.AutomaticEntries:N0} D3.1/D3.3 entries recorded by the ledger itself)",
                $"{Ev(all5)} ({all5.Elapsed.TotalMinutes:F1} min)", Ev(f.CaseMartenInProcessWindow) + " (Marten, first-year window)", Ratio(all5, f.CaseMartenInProcessWindow), "—", "");

        if (f.SingleEntries is { } s && f.SingleEntriesMarten is { } m)
        {
            Row(o, "Single entries over HTTP (POST /api/entries), 32 concurrent clients: throughput", $"{s.PerSecond:N0}/s ({s.Count:N0} in {s.Elapsed.TotalSeconds:F1} s, {s.Failures} failed)",
                $"{m.PerSecond:N0}/s (raw Marten, one event a session, 32 writers)", Pct(s.PerSecond, m.PerSecond), "≥ 1,000/s", Met(s.PerSecond >= 1000 && s.Failures == 0));
            Row(o, "Single entries over HTTP, 32 clients: p50 / p95 / p99", Ms(s), Ms(m) + " (raw Marten)", $"p99 ×{s.P99 / m.P99:F1}", "p99 ≤ 50 ms", Met(s.P99 <= 50));
        }

        if (f.ScoreFirst is { } one && f.Floor is { } floor)
        {
            Row(o, $"Score as of a random (subject, asOf, knownAt) over HTTP, {f.FirstYears} year of history: p50 / p95 / p99", Ms(one),
                Ms(floor) + " (GET /health/live, the HTTP floor)", $"p95 ×{one.P95 / floor.P95:F1} floor", "p95 ≤ 15 ms", Met(one.P95 <= 15));
            if (f.ScoreAll is { } all)
                Row(o, $"Score as above, {f.AllYears} years of history: p50 / p95 / p99", Ms(all), Ms(one) + $" ({f.FirstYears} year)",
                    $"p95 {f.AllYears}y/{f.FirstYears}y = {all.P95 / one.P95:F2}", "p95 ≤ 15 ms; ratio ≤ 1.3", Met(all.P95 <= 15 && all.P95 / one.P95 <= 1.3));
        }

        if (f.Ranking is { } r && f.RankingInMemory is { } old)
            Row(o, $"Ranking of all units as of a random date over HTTP, {f.RankingYears} year{(f.RankingYears == 1 ? "" : "s")} of history: p50 / p95", $"{r.P50:F1} / {r.P95:F1} ms ({r.Count} probes)",
                $"{old.P50:F1} / {old.P95:F1} ms (every entry of the year loaded and grouped in memory, in process)", $"p95 ×{r.P95 / old.P95:F2}", "p95 ≤ 100 ms", Met(r.P95 <= 100));

        if (f.WhatIf is { } whatIf && f.Ranking is { } ranked)
            Row(o, $"What-if of all units and people under a draft rulebook over HTTP, {f.RankingYears} year{(f.RankingYears == 1 ? "" : "s")} of history: p50 / p95", $"{whatIf.P50:F1} / {whatIf.P95:F1} ms ({whatIf.Count} probes)",
                $"{ranked.P50:F1} / {ranked.P95:F1} ms (the ranking of all units under the rulebook in force, above)", $"p95 ×{whatIf.P95 / ranked.P95:F2}", "p95 ≤ 2,000 ms", Met(whatIf.P95 <= 2_000));

        foreach (var p in f.Pages)
            Row(o, $"Web page {p.Row.Screen} as {p.Row.Role} (signed in, whole HTML), {f.PagesYear}: p50 / p95", $"{p.Page.P50:F1} / {p.Page.P95:F1} ms ({p.Page.Count} probes)",
                $"{p.Api.P50:F1} / {p.Api.P95:F1} ms ({p.Row.Api(new PagePoint(Guid.Empty, Guid.Empty, f.PagesYear)).Split('?')[0].Replace(Guid.Empty.ToString(), "{id}")}, same points)",
                $"p95 ×{p.Page.P95 / p.Api.P95:F1}", "p95 ≤ 300 ms at city scale", f.Scale == "city" ? Met(p.Page.P95 <= 300) : "—");

        if (f.Rebuild is { } b)
            Row(o, $"Full rebuild of every read model ({f.RebuildHow})", $"{b.PerSecond:N0} events/s ({b.Events:N0} in {b.Elapsed.TotalSeconds:F1} s)",
                $"{Ev(f.RebuildDaemon)} ({f.RebuildDaemon?.Elapsed.TotalSeconds:F1} s: Marten's async daemon, projection after projection); {Ev(f.LedgerMarten)} (Marten append)",
                $"×{b.PerSecond / (f.RebuildDaemon?.PerSecond ?? double.NaN):F1} daemon; {Ratio(f.Rebuild, f.LedgerMarten)} of append", "≥ 60,000 events/s, faster than the daemon",
                Met(b.PerSecond >= 60_000 && b.PerSecond > (f.RebuildDaemon?.PerSecond ?? double.PositiveInfinity)));

        if (f.DeepIntegrity is { } deep && f.Rebuild is { } rebuilt)
            Row(o, "Deep integrity check of every read model (GET /api/integrity?readModels=true: rebuilt into a scratch schema, compared row by row)",
                $"{deep.Elapsed.TotalSeconds:F1} s ({deep.PerSecond:N0} events/s)", $"{rebuilt.Elapsed.TotalSeconds:F1} s (the bulk rebuild above)",
                $"×{deep.Elapsed.TotalSeconds / rebuilt.Elapsed.TotalSeconds:F1} the rebuild's time", "—", "");

        o.AppendLine();
        o.AppendLine(C, $"Checks ({f.Checks.Count(c => c.Passed)}/{f.Checks.Count} passed):");
        foreach (var c in f.Checks) o.AppendLine(C, $"- [{(c.Passed ? "x" : " ")}] {c.What} — {c.Detail}");
        return o.ToString();
    }

    private static void Row(StringBuilder o, params string[] cells) => o.AppendLine("| " + string.Join(" | ", cells) + " |");

    private static string Ev(Rate? r) => r is null ? "—" : r.PerSecond.ToString("N0", C) + " events/s";

    private static string Ratio(Rate? a, Rate? b) => a is null || b is null || b.PerSecond == 0 ? "—" : Pct(a.PerSecond, b.PerSecond);

    private static string Pct(double a, double b) => b == 0 ? "—" : (a / b).ToString("P0", C);

    private static string Ms(Latencies l) => string.Create(C, $"{l.P50:F1} / {l.P95:F1} / {l.P99:F1} ms");

    private static string Met(bool met) => met ? "yes" : "**no**";
}
