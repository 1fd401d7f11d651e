using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Accountability;

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
