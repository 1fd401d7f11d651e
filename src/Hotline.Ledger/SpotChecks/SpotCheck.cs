using JasperFx.Events;

namespace Hotline.Ledger.SpotChecks;

/// <summary>A spot check as recorded, with the entries it led to; the API answers with it as it is.</summary>
public sealed class SpotCheck : IViewOf<SpotCheck, SpotCheck>
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DateOnly CheckedOn { get; set; }
    public int Year { get; set; }
    public string Scope { get; set; } = "";
    public string Findings { get; set; } = "";
    public List<Guid> EntryIds { get; set; } = [];
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    public static SpotCheck Create(IEvent<SpotCheckRecorded> e) => new()
    {
        Id = e.Data.SpotCheckId,
        UnitId = e.Data.UnitId,
        CheckedOn = e.Data.CheckedOn,
        Year = e.Data.CheckedOn.Year,
        Scope = e.Data.Scope,
        Findings = e.Data.Findings,
        EntryIds = e.Data.EntryIds.ToList(),
        RecordedBy = e.Data.RecordedBy,
        RecordedAt = e.Timestamp,
    };

    public void Apply(SpotCheckEntryLinked e) => EntryIds.Add(e.EntryId);

    static SpotCheck IViewOf<SpotCheck, SpotCheck>.Of(SpotCheck check, IServiceProvider services) => Of(check);

    public static SpotCheck Of(SpotCheck check) => check;
}
