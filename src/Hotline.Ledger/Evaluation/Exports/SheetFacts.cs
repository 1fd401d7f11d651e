using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Evaluation.Exports;

/// <summary>The facts that identify a published sheet, in the words an office prints.</summary>
public static class SheetFacts
{
    public const string Issuer = "市长热线办公室";

    public static List<(string Label, string Value)> Of(ScoreSheet sheet, string sha256, RulebookCatalog rulebooks) =>
    [
        ("考评年度", $"{sheet.Year}年"),
        ("统计截止日期", ChineseDates.Of(sheet.AsOf)),
        ("数据截至", $"{ChineseDates.Of(sheet.KnownAt)}（北京时间）"),
        ("考评依据", rulebooks.Get(sheet.Rulebook) is { } book ? $"《{book.Title}》（{book.Id}）" : sheet.Rulebook),
        ("末事件序号", sheet.LastSequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("账本摘要", sheet.Digest ?? "—"),
        ("内容SHA-256", sha256),
    ];
}
