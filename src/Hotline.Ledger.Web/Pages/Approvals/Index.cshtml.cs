namespace Hotline.Ledger.Web.Pages.Approvals;

/// <summary>One document on its way to the leadership, as the inbox lists it.</summary>
public sealed record Awaiting(string Kind, Guid Id, string Title, string Status, DateTimeOffset? Since, string? By);

/// <summary>
/// The leaders' inbox: every year-end evaluation, commendation plan, shortlist and draft rulebook submitted for
/// approval, and below it every document that went that way before, with its trail.
/// </summary>
public sealed class IndexModel(LedgerApi api) : LedgerPage(api)
{
    public List<Awaiting> Inbox { get; } = [];
    public List<Awaiting> History { get; } = [];

    public async Task<IActionResult> OnGet()
    {
        var evaluations = await Api.Get("/api/evaluations");
        if (!evaluations.Ok) return Refused(evaluations);
        foreach (var e in evaluations.Json.Items())
            Add(new("evaluations", e.Id()!.Value, $"{e.Str("year")}年度年终总评", e.Str("status") ?? "", null, null), e);

        var plans = await Api.Get("/api/commendation-plans");
        if (plans.Ok)
            foreach (var p in plans.Json.Items())
            {
                Add(new("plans", p.Id()!.Value, $"{p.Str("year")}年度表彰方案", p.Str("status") ?? "", null, null), p);
                if (p.Prop("shortlist") is { } s)
                    Add(new("shortlists", p.Id()!.Value, $"{p.Str("year")}年度表彰初选名单", s.Str("status") ?? "", null, null), p, "shortlist");
            }

        var drafts = await Api.Get("/api/rulebooks/drafts");
        if (drafts.Ok)
            foreach (var d in drafts.Json.Items())
                Add(new("drafts", d.Id()!.Value, $"考评办法草案：{d.Str("title")}（{d.Str("effectiveFrom")} 起施行）", d.Str("status") ?? "", null, null), d);

        return Page();
    }

    /// <summary>Into the inbox when submitted, else into the history (with the latest step when the list carries steps).</summary>
    private void Add(Awaiting item, JsonElement doc, string? stepPrefix = null)
    {
        var steps = doc.Arr("steps").Where(s => stepPrefix is null ? !(s.Str("step") ?? "").StartsWith("shortlist", StringComparison.Ordinal) : (s.Str("step") ?? "").StartsWith(stepPrefix, StringComparison.Ordinal)).ToList();
        var last = steps.LastOrDefault();
        var since = last.ValueKind == JsonValueKind.Object && DateTimeOffset.TryParse(last.Str("at"), out var at) ? at : (DateTimeOffset?)null;
        item = item with { Since = since, By = last.ValueKind == JsonValueKind.Object ? last.Str("by") : null };
        (item.Status == "submitted" ? Inbox : History).Add(item);
    }
}
