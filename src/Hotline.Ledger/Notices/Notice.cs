namespace Hotline.Ledger.Notices;

/// <summary>
/// A notice as its subscribers receive it: what happened, to which unit, under which clause (in the
/// measures' Chinese), the points at stake and the deadline. Stored once per <see cref="Id"/>, which
/// receivers use to tell a repeated delivery from a new notice. It is in the inbox of the unit's
/// liaisons and/or of the office when an inbox subscription of theirs heard it; each side marks it read.
/// </summary>
public sealed class Notice
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string KindLabel { get; set; } = "";
    public Guid? UnitId { get; set; }
    public string? UnitCode { get; set; }
    public string? UnitName { get; set; }
    public Guid? PersonId { get; set; }
    public string? PersonName { get; set; }
    public Guid? EntryId { get; set; }
    public string? CaseNumber { get; set; }
    public string? Month { get; set; }
    public string? Clause { get; set; }
    public string? ClauseText { get; set; }
    public decimal? Points { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public Guid? SubjectId { get; set; }

    /// <summary>The one line a robot or a mail subject shows (Chinese).</summary>
    public string Title { get; set; } = "";

    /// <summary>The full text (Chinese), one fact per line.</summary>
    public string Text { get; set; } = "";

    public DateTimeOffset RaisedAt { get; set; }

    public bool InUnitInbox { get; set; }
    public bool InOfficeInbox { get; set; }
    public DateTimeOffset? ReadByUnitAt { get; set; }
    public DateTimeOffset? ReadByOfficeAt { get; set; }
}
