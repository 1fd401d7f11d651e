using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Entries;

/// <summary>An entry as a downloaded row: with its unit's and person's names and the clause in the measures' wording.</summary>
public sealed record EntryRow(EntryView Entry, string? UnitCode, string? UnitName, string? PersonName, string? ClauseTitle)
{
    public static readonly IReadOnlyList<Column<EntryRow>> Columns =
    [
        new("发生日期", r => r.Entry.OccurredOn),
        new("单位代码", r => r.UnitCode),
        new("单位名称", r => r.UnitName),
        new("人员姓名", r => r.PersonName),
        new("条款", r => r.Entry.Clause),
        new("条款内容", r => r.ClauseTitle),
        new("分值", r => r.Entry.Points, Signed: true),
        new("事由", r => r.Entry.Reason),
        new("案件编号", r => r.Entry.CaseNumber),
        new("月份", r => r.Entry.Month),
        new("状态", r => r.Entry.Status == EntryStatus.Rescinded ? "已撤销" : "有效"),
        new("自动记录", r => r.Entry.Automatic),
        new("记录人", r => r.Entry.RecordedBy),
        new("记录时间（北京时间）", r => r.Entry.RecordedAt),
        new("撤销人", r => r.Entry.Rescission?.RescindedBy),
        new("撤销时间（北京时间）", r => r.Entry.Rescission?.RescindedAt),
        new("撤销理由", r => r.Entry.Rescission?.Reason),
        new("证据", r => string.Join("; ", r.Entry.Evidence.Select(e => $"{e.Title} <{e.Reference}>"))),
        new("记录编号", r => r.Entry.Id),
    ];
}
