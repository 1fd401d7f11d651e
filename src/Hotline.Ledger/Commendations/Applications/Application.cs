using Hotline.Ledger.Entries;
using JasperFx.Events;

namespace Hotline.Ledger.Commendations.Applications;

public sealed record Submission(DateTimeOffset At, string By, int Nominations);

/// <summary>A unit's application under a plan, as last submitted, with every submission's time and actor.</summary>
public sealed class Application
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public int Year { get; set; }
    public Guid UnitId { get; set; }
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string SelfEvaluation { get; set; } = "";
    public bool SeeksUnitCommendation { get; set; }
    public List<EvidenceItem> Evidence { get; set; } = [];
    public List<Nomination> Nominations { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public List<Submission> Submissions { get; set; } = [];

    /// <summary>
    /// Found without a lookup: derived from plan and unit, so a racing first submission collides on
    /// the stream id instead of making two applications.
    /// </summary>
    public static Guid IdOf(Guid planId, Guid unitId) => DeterministicId.From("commendation-application", planId.ToString("N"), unitId.ToString("N"));

    public static Application Create(IEvent<ApplicationSubmitted> e)
    {
        var application = new Application { Id = e.Data.ApplicationId, PlanId = e.Data.PlanId, Year = e.Data.Year, UnitId = e.Data.UnitId };
        application.Apply(e);
        return application;
    }

    public void Apply(IEvent<ApplicationSubmitted> e)
    {
        var d = e.Data;
        UnitCode = d.UnitCode;
        UnitName = d.UnitName;
        SelfEvaluation = d.SelfEvaluation;
        SeeksUnitCommendation = d.SeeksUnitCommendation;
        Evidence = d.Evidence.ToList();
        Nominations = d.Nominations.ToList();
        SubmittedAt = e.Timestamp;
        SubmittedBy = d.SubmittedBy;
        Submissions.Add(new(e.Timestamp, d.SubmittedBy, d.Nominations.Count));
    }

    /// <summary>The application as saved, each submission with the instant the store recorded it.</summary>
    public static async Task<Application> ReadBackAsync(Written<Application> written, IDocumentSession session) =>
        (await session.LoadAsync<Application>(written.Id))!;
}
