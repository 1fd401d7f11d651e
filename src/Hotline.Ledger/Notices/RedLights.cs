using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Warnings;

namespace Hotline.Ledger.Notices;

/// <summary>
/// One rate light of <c>/api/warnings</c> (a subject's scoring part in a year) as the notices last saw it:
/// red or not, and how many times it has turned red. A notice is raised each time it turns red, never while it stays red.
/// </summary>
public sealed class RedLight
{
    public string Id { get; set; } = "";
    public bool Red { get; set; }
    public int Turns { get; set; }

    public static string IdOf(Warning w, int year) =>
        string.Join(':', w.Kind, (w.PersonId ?? w.UnitId)?.ToString("N"), w.Clause, w.Input, year.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// The rate warnings that turned red (ADR 0094): a unit's or a person's criterion part scoring nothing — the red of
/// <c>/api/warnings</c>, judged by the same code on the office clock. Read only while a subscription asks for red
/// warnings: the rates of every subject are the costly part of the warnings.
/// </summary>
public static class RedLights
{
    public static async Task<IReadOnlyList<NoticeRaised>> TurnedRed(IDocumentSession session, DateTimeOffset now, RulebookCatalog rulebooks, CancellationToken ct)
    {
        if (!await session.Query<NoticeSubscription>().AnyAsync(s => s.Kinds.Contains(NoticeKinds.WarningRed), ct)) return [];

        var date = OfficeCalendar.DateOf(now);
        var query = new ScoreQuery(date.Year, date, now);
        var rulebook = rulebooks.ForScoring(query.Year, date) ?? rulebooks.All[0];
        var units = (await session.Query<Unit>().ToListAsync(ct)).ToDictionary(u => u.Id);
        var lights = (await WarningEndpoints.Rates(session, rulebook, query, units)).ToList();
        var ids = lights.Select(w => RedLight.IdOf(w, query.Year)).Distinct().ToArray();

        var held = (await session.LoadManyAsync<RedLight>(ct, ids)).ToDictionary(l => l.Id);
        // A light no longer listed is green again: the next red is a new turn.
        var green = await session.Query<RedLight>().Where(l => l.Red && l.Id.EndsWith(":" + query.Year.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
        foreach (var light in green.Where(l => !held.ContainsKey(l.Id)))
        {
            light.Red = false;
            session.Store(light);
        }

        var raised = new List<NoticeRaised>();
        foreach (var warning in lights)
        {
            var id = RedLight.IdOf(warning, query.Year);
            var light = held.GetValueOrDefault(id) ?? new RedLight { Id = id };
            held[id] = light;
            var red = warning.Level == "red";
            if (red == light.Red) continue;
            light.Red = red;
            if (red)
            {
                light.Turns++;
                raised.Add(Notice(warning, rulebook, id, light.Turns));
            }

            session.Store(light);
        }

        return raised;
    }

    private static NoticeRaised Notice(Warning w, Rulebook rulebook, string lightId, int turn)
    {
        var part = rulebook.Find(w.Clause!)?.Scoring?.Parts.FirstOrDefault(p => p.Input == w.Input);
        var stake = part?.Points;
        var detail = w.Input == ScoringInputs.Entries
            ? $"本年度{string.Join("、", part?.Clauses ?? [])}记录 {w.Value:0.##} 条，{w.Clause} 本项{stake:0.##}分不得分。"
            : $"{InputText(w.Input)} {w.Value:P1}，低于 {w.Clause} 的目标 {w.Target:P0}，本项{stake:0.##}分不得分。";
        return new NoticeRaised(DeterministicId.From(NoticeKinds.WarningRed, lightId, turn.ToString(CultureInfo.InvariantCulture)), NoticeKinds.WarningRed,
            w.UnitId, w.PersonId, Clause: w.Clause, Rulebook: rulebook.Id, Points: -stake, Detail: detail);
    }

    private static string InputText(string? input) => input switch
    {
        "completionRate" => "办结率",
        "returnVisitRate" => "回访率",
        "satisfaction" => "群众满意率",
        "onlineSatisfaction" => "网上评议满意率",
        "replyRate" => "回复率",
        _ => input ?? "",
    };
}
