namespace Hotline.Ledger.Security;

/// <summary>One recorded read: who looked at whose records, when, and with which query.</summary>
public sealed class ReadRecord
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Reader { get; set; } = "";
    public string[] Roles { get; set; } = [];

    /// <summary>The reader's own unit when they are a liaison.</summary>
    public string? ReaderUnit { get; set; }

    public ReadKind Kind { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? PersonId { get; set; }
    public string Path { get; set; } = "";
    public string Query { get; set; } = "";
    public string CorrelationId { get; set; } = "";
}
