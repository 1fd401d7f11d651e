using Hotline.Ledger.Accountability;
using Hotline.Ledger.Appeals;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Entries;

namespace Hotline.Ledger.Notices;

/// <summary>
/// Which facts raise a notice (ADR 0095): Wolverine's event forwarding turns each of these events, as it is
/// appended in a Wolverine session, into a <see cref="NoticeRaised"/> in the same transaction's outbox.
/// No write path of another slice changes: an entry recorded by the office, by the deadline judge or by an
/// upheld appeal is forwarded alike.
/// </summary>
public static class NoticeForwarding
{
    public static void Configure(IEventForwarding forwarding)
    {
        forwarding.SubscribeToEvent<EntryRecorded>().TransformedTo(Of);
        forwarding.SubscribeToEvent<EntryRescinded>().TransformedTo(e => new NoticeRaised(
            IdOf(NoticeKinds.EntryRescinded, e), NoticeKinds.EntryRescinded, EntryId: e.Data.EntryId, Detail: e.Data.Reason));
        forwarding.SubscribeToEvent<AppealDecided>().TransformedTo(e => new NoticeRaised(
            IdOf(NoticeKinds.AppealDecided, e), NoticeKinds.AppealDecided, SubjectId: e.Data.AppealId, Points: e.Data.CorrectedPoints,
            Detail: e.Data.Outcome + "\n" + e.Data.Reason));
        forwarding.SubscribeToEvent<EvaluationReturned>().TransformedTo(e => new NoticeRaised(
            IdOf(NoticeKinds.EvaluationReturned, e), NoticeKinds.EvaluationReturned, SubjectId: e.Data.EvaluationId, Detail: e.Data.Comments));
        forwarding.SubscribeToEvent<EvaluationApproved>().TransformedTo(e => new NoticeRaised(
            IdOf(NoticeKinds.EvaluationApproved, e), NoticeKinds.EvaluationApproved, SubjectId: e.Data.EvaluationId));
        forwarding.SubscribeToEvent<CommendationPlanReturned>().TransformedTo(e => new NoticeRaised(
            IdOf(NoticeKinds.PlanReturned, e), NoticeKinds.PlanReturned, SubjectId: e.Data.PlanId, Detail: e.Data.Comments));
        forwarding.SubscribeToEvent<CommendationPlanApproved>().TransformedTo(e => new NoticeRaised(
            IdOf(NoticeKinds.PlanApproved, e), NoticeKinds.PlanApproved, SubjectId: e.Data.PlanId));
        forwarding.SubscribeToEvent<ReferralMade>().TransformedTo(e => new NoticeRaised(
            IdOf(NoticeKinds.ReferralMade, e), NoticeKinds.ReferralMade, e.Data.UnitId, e.Data.PersonId, SubjectId: e.Data.ReferralId,
            Points: e.Data.DeductionTotal, Detail: Grounds(e.Data.Grounds)));
    }

    /// <summary>
    /// The notice of a recorded entry; also raised by the single entries' batch, whose events go around the
    /// session's event tracking and so around the forwarding.
    /// </summary>
    public static NoticeRaised Of(IEvent<EntryRecorded> e) => new(
        IdOf(NoticeKinds.EntryRecorded, e), NoticeKinds.EntryRecorded, e.Data.UnitId, e.Data.PersonId, e.Data.EntryId,
        e.Data.CaseNumber, e.Data.Clause, e.Data.Rulebook, e.Data.Points, OccurredOn: e.Data.OccurredOn,
        Detail: e.Data.Automatic ? AutomaticReason : e.Data.Reason);

    // The ledger's own reason for its automatic entries is written in English for the record; the unit reads this.
    private const string AutomaticReason = "台账依据考评办法自动记录（期限已过，未见按期回复、说明原因或按时通报）";

    private static string Grounds(IEnumerable<ReferralGround> grounds) => string.Join("；", grounds.Select(g => g.Kind == ReferralGrounds.ClauseGround
        ? $"依{g.Clause}扣分{g.Points:0.##}分"
        : $"全年扣分{g.Points:0.##}分，达到问责线"));

    /// <summary>One notice per event: the event's id is assigned when it is appended and never changes.</summary>
    public static Guid IdOf(string kind, IEvent e) => DeterministicId.From("notice", kind, e.Id.ToString("N"));
}
