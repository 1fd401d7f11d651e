using Hotline.Ledger.Security;
using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Appeals;

public sealed record AppealView(
    Guid Id,
    string Kind,
    Guid? EntryId,
    string? Criterion,
    string Clause,
    Guid UnitId,
    Guid? PersonId,
    int Year,
    DateOnly ContestedOn,
    decimal? ContestedPoints,
    string Status,
    string Reason,
    IReadOnlyList<EvidenceItem> Evidence,
    DateOnly WindowClosesOn,
    DateTimeOffset FiledAt,
    string FiledBy,
    AppealDecision? Decision) : IViewOf<Appeal, AppealView>, IReadSubject
{
    Guid? IReadSubject.UnitId => UnitId;

    static AppealView IViewOf<Appeal, AppealView>.Of(Appeal appeal, IServiceProvider services) => Of(appeal);

    public static AppealView Of(Appeal a) => new(
        a.Id, a.Kind, a.EntryId, a.EntryId is null ? a.Clause : null, a.Clause, a.UnitId, a.PersonId, a.Year,
        a.ContestedOn, a.ContestedPoints, a.Status, a.Reason, a.Evidence, a.WindowClosesOn, a.FiledAt, a.FiledBy, a.Decision);

    /// <summary>The columns of the downloaded list (ADR 0082), each appeal with its unit's name.</summary>
    public static readonly IReadOnlyList<Hotline.Ledger.Exports.Column<(AppealView Appeal, string? UnitName)>> Columns =
    [
        new("单位", r => r.UnitName), new("条款", r => r.Appeal.Clause), new("被申诉分值", r => r.Appeal.ContestedPoints, Signed: true),
        new("发生日期", r => r.Appeal.ContestedOn),
        new("状态", r => r.Appeal.Status switch { "pending" => "待处理", "upheld" => "已支持", "rejected" => "已驳回", var s => s }),
        new("申诉理由", r => r.Appeal.Reason), new("申诉人", r => r.Appeal.FiledBy), new("申诉时间（北京时间）", r => r.Appeal.FiledAt),
        new("申诉期至", r => r.Appeal.WindowClosesOn), new("处理人", r => r.Appeal.Decision?.DecidedBy),
        new("处理时间（北京时间）", r => r.Appeal.Decision?.DecidedAt), new("处理意见", r => r.Appeal.Decision?.Reason),
        new("被申诉记录编号", r => r.Appeal.EntryId), new("申诉编号", r => r.Appeal.Id),
    ];
}
