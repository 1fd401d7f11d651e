using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Evaluation.Exports;

/// <summary>The three tables every export carries: units, individuals, and the deductions with their causes.</summary>
public static class SheetTables
{
    public static readonly string[] Names = ["units", "people", "deductions"];

    public static IReadOnlyList<SheetTable> Of(SheetDocument doc) => [Units(doc), People(doc), Deductions(doc)];

    public static SheetTable Units(SheetDocument doc)
    {
        var sheet = doc.Sheet;
        var leaves = Leaves(sheet, "unit");
        var columns = new List<SheetColumn> { new("rank", "名次"), new("code", "单位代码"), new("name", "单位名称") };
        columns.AddRange(leaves.Select(c => new SheetColumn(c.Code, $"{c.Code}（{c.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)}分）")));
        columns.AddRange(Totals());
        if (doc.Graded) columns.Add(new("grade", "等次"));
        if (doc.Remarks.Count > 0 || doc.Graded) columns.Add(new("remark", "评语"));
        columns.Add(new("unitId", "单位ID"));

        var rows = sheet.Units.Select(u =>
        {
            var row = new List<object?> { u.Rank, u.Code, u.Name };
            row.AddRange(leaves.Select(c => (object?)u.Criteria.FirstOrDefault(s => s.Clause == c.Code)?.Points));
            row.AddRange([u.CriteriaTotal, u.BonusTotal, u.DeductionTotal, u.Total]);
            if (doc.Graded) row.Add(u.Grade);
            if (doc.Remarks.Count > 0 || doc.Graded) row.Add(doc.Remarks.GetValueOrDefault(u.UnitId));
            row.Add(u.UnitId.ToString());
            return row.ToArray();
        }).ToList();
        return new("units", "单位", columns, rows);
    }

    public static SheetTable People(SheetDocument doc)
    {
        var sheet = doc.Sheet;
        var leaves = Leaves(sheet, "person");
        var columns = new List<SheetColumn> { new("rank", "名次"), new("name", "姓名"), new("unitCode", "单位代码"), new("unitName", "所在单位") };
        columns.AddRange(leaves.Select(c => new SheetColumn(c.Code, $"{c.Code}（{c.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)}分）")));
        columns.AddRange(Totals());
        if (doc.Graded) columns.Add(new("grade", "等次"));
        columns.Add(new("personId", "人员ID"));

        var rows = sheet.People.Select(p =>
        {
            var row = new List<object?> { p.Rank, p.Name, p.UnitCode, p.UnitName };
            row.AddRange(leaves.Select(c => (object?)p.Criteria.FirstOrDefault(s => s.Clause == c.Code)?.Points));
            row.AddRange([p.CriteriaTotal, p.BonusTotal, p.DeductionTotal, p.Total]);
            if (doc.Graded) row.Add(p.Grade);
            row.Add(p.PersonId.ToString());
            return row.ToArray();
        }).ToList();
        return new("people", "个人", columns, rows);
    }

    public static SheetTable Deductions(SheetDocument doc)
    {
        var columns = new List<SheetColumn>
        {
            new("unitCode", "单位代码"), new("unitName", "单位名称"), new("personName", "个人"), new("clause", "条款"),
            new("points", "分值", Signed: true), new("occurredOn", "发生日期"), new("caseNumber", "案件编号"), new("month", "月份"),
            new("reason", "事由"), new("automatic", "自动扣分"), new("appealId", "申诉ID"), new("recordedAt", "记录时间"), new("entryId", "条目ID"),
        };
        var rows = All(doc.Sheet).Select(x => new object?[]
        {
            x.Unit?.Code, x.Unit?.Name, x.Person, x.D.Clause, x.D.Points, x.D.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), x.D.CaseNumber, x.D.Month,
            x.D.Reason, x.D.Automatic ? "是" : "否", x.D.AppealId?.ToString(), Hotline.Ledger.Exports.CsvText.Instant(x.D.RecordedAt),
            x.D.EntryId.ToString(),
        }).ToList();
        return new("deductions", "扣分依据", columns, rows);
    }

    /// <summary>Every deduction once: a clause that debits unit and person lists under the unit, with the person named.</summary>
    public static IEnumerable<(SheetDeduction D, SheetUnit? Unit, string? Person)> All(ScoreSheet sheet)
    {
        var units = sheet.Units.ToDictionary(u => u.UnitId);
        var names = sheet.People.ToDictionary(p => p.PersonId, p => p.Name);
        var seen = new HashSet<Guid>();
        foreach (var u in sheet.Units)
        foreach (var d in u.Deductions.Where(d => seen.Add(d.EntryId)))
            yield return (d, u, d.PersonId is { } p ? names.GetValueOrDefault(p) : null);
        foreach (var person in sheet.People)
        foreach (var d in person.Deductions.Where(d => seen.Add(d.EntryId)))
            yield return (d, units.GetValueOrDefault(d.UnitId), person.Name);
    }

    private static IEnumerable<SheetColumn> Totals() =>
        [new("criteriaTotal", "指标得分"), new("bonusTotal", "加分", Signed: true), new("deductionTotal", "减分", Signed: true), new("total", "总分")];

    private static List<SheetClause> Leaves(ScoreSheet sheet, string appliesTo) =>
        sheet.Clauses.Where(c => c.AppliesTo == appliesTo && !c.Heading).ToList();
}
