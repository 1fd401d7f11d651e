namespace Hotline.Ledger.Evaluation.Circulars;

/// <summary>An issued circular: its query, its content hash, who issued it and when. Never changes.</summary>
public sealed class Circular
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTimeOffset KnownAt { get; set; }
    public long LastSequence { get; set; }
    public string Rulebook { get; set; } = "";
    public string? Digest { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";

    public static Circular Create(IEvent<CircularIssued> e) => new()
    {
        Id = e.Data.CircularId,
        Year = e.Data.Year,
        AsOf = e.Data.AsOf,
        KnownAt = e.Data.KnownAt,
        LastSequence = e.Data.LastSequence,
        Rulebook = e.Data.Rulebook,
        Digest = e.Data.Digest,
        Sha256 = e.Data.Sha256,
        IssuedAt = e.Timestamp,
        IssuedBy = e.Data.IssuedBy,
    };
}
