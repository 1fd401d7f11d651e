namespace Hotline.Ledger.Notices;

/// <summary>A notice as the API and a plain JSON webhook show it. <see cref="Read"/> is for the caller's side (unit or office).</summary>
public sealed record NoticeView(
    Guid Id,
    string Kind,
    string KindLabel,
    string Title,
    string Text,
    Guid? UnitId,
    string? UnitCode,
    string? UnitName,
    Guid? PersonId,
    string? PersonName,
    string? CaseNumber,
    Guid? EntryId,
    string? Clause,
    string? ClauseText,
    decimal? Points,
    DateTimeOffset? DueAt,
    Guid? SubjectId,
    DateTimeOffset RaisedAt,
    bool? Read = null)
{
    public static NoticeView Of(Notice n, bool? read = null) => new(
        n.Id, n.Kind, n.KindLabel, n.Title, n.Text, n.UnitId, n.UnitCode, n.UnitName, n.PersonId, n.PersonName, n.CaseNumber,
        n.EntryId, n.Clause, n.ClauseText, n.Points, n.DueAt, n.SubjectId, n.RaisedAt, read);
}
