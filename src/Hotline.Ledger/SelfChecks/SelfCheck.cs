namespace Hotline.Ledger.SelfChecks;

/// <summary>One unit's self-check for one month, every submission kept.</summary>
public sealed class SelfCheck
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public string Month { get; set; } = "";
    public int Year { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset FirstSubmittedAt { get; set; }
    public List<SelfCheckVersion> Versions { get; set; } = [];

    /// <summary>
    /// The stream of a (unit, month) is found without a lookup: its id is derived from both, so a
    /// racing first submission collides on the stream id instead of making two self-checks.
    /// </summary>
    public static Guid IdOf(Guid unitId, string month) => DeterministicId.From("self-check", unitId.ToString("N"), month);

    public static SelfCheck Create(IEvent<SelfCheckSubmitted> e) => new()
    {
        Id = e.Data.SelfCheckId,
        UnitId = e.Data.UnitId,
        Month = e.Data.Month,
        Year = int.Parse(e.Data.Month[..4], System.Globalization.CultureInfo.InvariantCulture),
        DueOn = e.Data.DueOn,
        FirstSubmittedAt = e.Timestamp,
        Versions = [new SelfCheckVersion(e.Data.Items, e.Data.Summary, e.Data.SubmittedBy, e.Timestamp)],
    };

    public void Apply(IEvent<SelfCheckSubmitted> e) =>
        Versions.Add(new SelfCheckVersion(e.Data.Items, e.Data.Summary, e.Data.SubmittedBy, e.Timestamp));
}
