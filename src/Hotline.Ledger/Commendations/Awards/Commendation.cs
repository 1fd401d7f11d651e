using JasperFx.Events;

namespace Hotline.Ledger.Commendations.Awards;

/// <summary>A commendation as awarded: whom, for which year, under which document, recorded when and by whom.</summary>
public sealed class Commendation
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public int Year { get; set; }
    public string Kind { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid? PersonId { get; set; }
    public string Name { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string Title { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public DateOnly AwardedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";

    /// <summary>One commendation per subject and plan: a racing second issue collides on this id.</summary>
    public static Guid IdOf(Guid planId, Guid subjectId) => DeterministicId.From("commendation", planId.ToString("N"), subjectId.ToString("N"));

    /// <summary>The title as the commending document prints it, e.g. 2020年度市长热线工作先进单位.</summary>
    public static string TitleOf(int year, string kind) => $"{year}年度市长热线工作{(kind == Review.Candidates.UnitKind ? "先进单位" : "先进个人")}";

    public static Commendation Create(IEvent<CommendationAwarded> e)
    {
        var a = e.Data;
        return new()
        {
            // Which plan and year, and the kind of title.
            Id = a.CommendationId, PlanId = a.PlanId, Year = a.Year, Kind = a.Kind,
            // Whom, by the names the document prints.
            UnitId = a.UnitId, PersonId = a.PersonId, Name = a.Name, UnitCode = a.UnitCode, UnitName = a.UnitName,
            // The document, and who recorded it when.
            Title = a.Title, DocumentNumber = a.DocumentNumber, AwardedOn = a.AwardedOn, RecordedAt = e.Timestamp, RecordedBy = a.AwardedBy,
        };
    }
}
