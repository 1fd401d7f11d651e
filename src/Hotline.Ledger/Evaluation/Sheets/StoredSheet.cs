namespace Hotline.Ledger.Evaluation.Sheets;

/// <summary>
/// A computed sheet, kept as computed. Inserted once and never updated (ADR 0031): the event that
/// issues or approves it carries <see cref="Sha256"/>, so any later change would show.
/// </summary>
public sealed class StoredSheet
{
    public Guid Id { get; set; }
    public string Sha256 { get; set; } = "";
    public ScoreSheet Sheet { get; set; } = null!;
}
