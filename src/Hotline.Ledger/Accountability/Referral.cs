using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;
using JasperFx.Events;

namespace Hotline.Ledger.Accountability;

/// <summary>A referral to the supervisory organ, as made; reading one puts its unit and person on file.</summary>
public sealed class Referral : IReadSubject
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid EvaluationId { get; set; }
    public string SheetSha256 { get; set; } = "";
    public string Kind { get; set; } = "";
    public Guid UnitId { get; set; }
    public Guid? PersonId { get; set; }
    public string Name { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int Rank { get; set; }
    public decimal Total { get; set; }
    public string? Grade { get; set; }
    public decimal DeductionTotal { get; set; }
    public List<ReferralGround> Grounds { get; set; } = [];
    public string? Note { get; set; }
    public DateTimeOffset ReferredAt { get; set; }
    public string ReferredBy { get; set; } = "";

    public Guid SubjectId => PersonId ?? UnitId;

    Guid? IReadSubject.UnitId => UnitId;

    public static Guid IdOf(int year, string kind, Guid subjectId) =>
        DeterministicId.From("referral", year.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, subjectId.ToString("N"));

    public static Referral Create(IEvent<ReferralMade> e)
    {
        var d = e.Data;
        return new Referral
        {
            Id = d.ReferralId, Year = d.Year, EvaluationId = d.EvaluationId, SheetSha256 = d.SheetSha256, Kind = d.Kind, UnitId = d.UnitId,
            PersonId = d.PersonId, Name = d.Name, UnitCode = d.UnitCode, UnitName = d.UnitName, Rank = d.Rank, Total = d.Total, Grade = d.Grade,
            DeductionTotal = d.DeductionTotal, Grounds = d.Grounds.ToList(), Note = d.Note, ReferredAt = e.Timestamp, ReferredBy = d.ReferredBy,
        };
    }
}

/// <summary>A year's round of referrals: that it happened, on which result, under which rules, by whom.</summary>
public sealed class ReferralRound
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid EvaluationId { get; set; }
    public AccountabilityRules Rules { get; set; } = null!;
    public List<Guid> ReferralIds { get; set; } = [];
    public DateTimeOffset MadeAt { get; set; }
    public string MadeBy { get; set; } = "";

    /// <summary>One round per year: a racing second round collides on this id.</summary>
    public static Guid IdOf(int year) => DeterministicId.From("referral-round", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static ReferralRound Create(IEvent<ReferralsMade> e) => new()
    {
        Id = e.Data.RoundId, Year = e.Data.Year, EvaluationId = e.Data.EvaluationId, Rules = e.Data.Rules,
        ReferralIds = e.Data.ReferralIds.ToList(), MadeAt = e.Timestamp, MadeBy = e.Data.MadeBy,
    };
}
