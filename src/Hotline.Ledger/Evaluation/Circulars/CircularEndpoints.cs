using Hotline.Ledger.Integrity;
using Hotline.Ledger.Evaluation.Exports;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Http;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Scoring;
using Hotline.Ledger.Time;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Hotline.Ledger.Evaluation.Circulars;

public static class CircularEndpoints
{
    /// <summary>Issues a half-year circular (M2): computed once, stored as computed, never changed.</summary>
    [WolverinePost("/api/circulars", OperationId = "issueCircular")]
    public static async Task<IResult> Issue(
        IssueCircular command, IDocumentSession session, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        if (await IntegrityVerification.Refusal(session) is { } unsound) return unsound;
        var now = clock.GetUtcNow();
        var knownAt = (command.KnownAt ?? now).ToUniversalTime();
        // A knownAt to come would let later entries into a table that must never change.
        if (knownAt > now) return Problems.Invalid("knownAt", "knownAt.future", now);
        var asOf = command.AsOf ?? new DateOnly(command.Year, 6, 30);
        var rulebook = rulebooks.ForScoring(command.Year, asOf);
        if (rulebook is null) return Problems.Invalid("year", "year.noRulebook", command.Year);

        var sheet = await SheetBuilder.Build(session, rulebook, new ScoreQuery(command.Year, asOf, knownAt), graded: false);
        var sha256 = SheetJson.Sha256(sheet);
        var id = Guid.CreateVersion7();
        session.Insert(new StoredSheet { Id = id, Sha256 = sha256, Sheet = sheet });
        session.Events.StartStream<Circular>(id, new CircularIssued(
            id, sheet.Year, sheet.AsOf, sheet.KnownAt, sheet.LastSequence, sheet.Rulebook, sheet.Digest, sha256, RequestActor.Of(http)));
        await session.SaveChangesAsync();

        var circular = await session.LoadAsync<Circular>(id);
        return Results.Created($"/api/circulars/{id}", CircularView.Of(circular!, sheet));
    }

    /// <summary>The issued circular, unchanged forever: JSON, or CSV, XLSX or a printable HTML page by Accept or ?format=.</summary>
    [WolverineGet("/api/circulars/{id}", OperationId = "getCircular")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, RulebookCatalog rulebooks, string? format, string? table)
    {
        var (chosen, refusal) = SheetExport.Negotiate(http.Request, format, table);
        if (refusal is not null) return refusal;
        if (await CircularReads.Load(session, id) is not { } loaded) return Problems.NotFound("circular", id);
        var (circular, stored) = loaded;

        return chosen == ExportFormat.Json
            ? Results.Ok(CircularView.Of(circular, stored.Sheet))
            : SheetExport.Render(chosen!.Value, Document(circular, stored, rulebooks), table);
    }

    [WolverineGet("/api/circulars", OperationId = "listCirculars")]
    public static async Task<IResult> List(IQuerySession session, string? year)
    {
        int? y = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, out var parsed) || parsed is < 2000 or > 2100) return Problems.Invalid("year", "year.format");
            y = parsed;
        }

        return Results.Ok(await CircularReads.List(session, y));
    }

    private static SheetDocument Document(Circular c, StoredSheet stored, RulebookCatalog rulebooks)
    {
        var sheet = stored.Sheet;
        var halfYear = sheet.AsOf == new DateOnly(sheet.Year, 6, 30);
        var title = halfYear
            ? $"关于{sheet.Year}年上半年市长热线网络成员单位考评情况的通报"
            : $"关于截至{ChineseDates.Of(sheet.AsOf)}市长热线网络成员单位考评情况的通报";
        var facts = SheetFacts.Of(sheet, stored.Sha256, rulebooks);
        facts.Add(("通报编号", c.Id.ToString()));
        facts.Add(("印发时间", $"{ChineseDates.Of(c.IssuedAt)}（北京时间），{c.IssuedBy}"));
        return new SheetDocument($"circular-{sheet.Year}-{sheet.AsOf.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}", title, null, sheet, stored.Sha256, facts,
            new Dictionary<Guid, string>(), Graded: false, OfficeCalendar.DateOf(c.IssuedAt), SheetFacts.Issuer);
    }
}
