namespace Hotline.Ledger.Warnings;

/// <summary>
/// A yellow or red light (ADR 0025): <see cref="Kind"/> is <c>unit</c> or <c>person</c> (a rate below its
/// target), <c>case</c> (a reply due within a day, or overdue and about to be charged) or
/// <c>monthlyReport</c> (a report due and not received). <see cref="Reason"/> says why in words.
/// </summary>
public sealed record Warning(
    string Kind, string Level, string Reason,
    // Whose, and about what: a unit or a person, a case, a month, a clause.
    Guid? UnitId = null, Guid? PersonId = null, string? CaseNumber = null, string? Month = null, string? Clause = null,
    // A rate's input, its value and target; a deadline's instant.
    string? Input = null, decimal? Value = null, decimal? Target = null, DateTimeOffset? DueAt = null)
{
    /// <summary>The columns of the downloaded list (ADR 0082), each warning with its unit's and person's names.</summary>
    public static readonly IReadOnlyList<Hotline.Ledger.Exports.Column<(Warning Warning, string? UnitName, string? PersonName)>> Columns =
    [
        new("级别", r => r.Warning.Level == "red" ? "红色预警" : "黄色预警"),
        new("类别", r => r.Warning.Kind switch { "case" => "办理时限", "monthlyReport" => "月度报告", "unit" => "单位指标", "person" => "个人指标", var k => k }),
        new("单位", r => r.UnitName), new("人员", r => r.PersonName), new("案件编号", r => r.Warning.CaseNumber), new("月份", r => r.Warning.Month),
        new("条款", r => r.Warning.Clause), new("当前值", r => r.Warning.Value), new("目标", r => r.Warning.Target),
        new("期限（北京时间）", r => r.Warning.DueAt), new("说明", r => r.Warning.Reason),
    ];
}
