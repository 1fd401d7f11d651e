namespace Hotline.Ledger.Cases;

/// <summary>
/// The read model of one case: every platform row it has received (in arrival order), the D3.1 charges
/// the ledger made on it, and the state those add up to. Written in the same transaction as the case's
/// events by the feed and by the deadline judge, with optimistic concurrency (ADR 0020). The derived
/// fields are columns, so the deadline judge and the warnings find their cases with indexed queries.
/// </summary>
public sealed class CaseFile
{
    public Guid Id { get; set; }
    public string CaseNumber { get; set; } = "";
    public List<CaseFact> Facts { get; set; } = [];
    public List<ReplyCharge> Charges { get; set; } = [];

    public CaseStatus Status { get; set; } = CaseStatus.Pending;

    public int? Year { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? PersonId { get; set; }
    public DateTimeOffset? CompletionDueAt { get; set; }

    /// <summary>The current reply deadline while no reply, explanation or return has answered it.</summary>
    public DateTimeOffset? ReplyDueAt { get; set; }

    /// <summary>The earliest <see cref="ReplyObligation.CheckAt"/> of a unit not yet charged: when the deadline judge must look at this case (before the grace).</summary>
    public DateTimeOffset? ReplyCheckAt { get; set; }

    public CaseDerivation Derive() => CaseTimeline.Derive(Facts);

    /// <summary>
    /// A copy whose lists can be added to without touching this one (facts and charges are immutable records). Every
    /// other member is copied as it is: a list added to this class must be copied here too.
    /// </summary>
    public CaseFile Copy()
    {
        var copy = (CaseFile)MemberwiseClone();
        copy.Facts = [.. Facts];
        copy.Charges = [.. Charges];
        return copy;
    }

    public void Refresh(CaseDerivation d)
    {
        Status = !d.IsAssigned ? CaseStatus.Pending : d.Completed ? CaseStatus.Completed : CaseStatus.Open;
        Year = d.Year;
        UnitId = d.UnitId;
        PersonId = d.PersonId;
        CompletionDueAt = d.CompletionDueAt;
        ReplyDueAt = d.CurrentObligation is { Outcome: ReplyOutcome.Unanswered } open ? open.DueAt : null;
        ReplyCheckAt = Uncharged(d).Select(o => (DateTimeOffset?)o.CheckAt).Min();
    }

    /// <summary>The unanswered deadlines of units this case has not yet charged: one D3.1 per case and unit.</summary>
    public IEnumerable<ReplyObligation> Uncharged(CaseDerivation d) =>
        d.Obligations
            .Where(o => o.Outcome == ReplyOutcome.Unanswered && Charges.All(c => c.UnitId != o.UnitId))
            .GroupBy(o => o.UnitId)
            .Select(g => g.MinBy(o => o.CheckAt)!);
}
