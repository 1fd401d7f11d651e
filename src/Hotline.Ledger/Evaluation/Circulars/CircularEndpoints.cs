using Hotline.Ledger.Exports;
using Hotline.Ledger.Evaluation.Exports;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.Circulars;

public static class CircularEndpoints
{
    /// <summary>The issued circular, unchanged forever: JSON, or CSV, XLSX or a printable HTML page by Accept or ?format=.</summary>
    [WolverineGet("/api/circulars/{id}", OperationId = "getCircular")]
    public static Task<JsonOrFile<CircularView>> Get(Guid id, HttpContext http, IQuerySession session, RulebookCatalog rulebooks, string? format, string? table) =>
        SheetExport.Answer(http.Request, format, table, () => CircularReads.Load(session, id), () => Problems.NotFound("circular", id),
            c => Task.FromResult(CircularView.Of(c.Circular, c.Stored.Sheet)), c => Document(c.Circular, c.Stored, rulebooks));

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
