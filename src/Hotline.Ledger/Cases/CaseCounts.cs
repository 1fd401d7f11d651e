using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Cases;

/// <summary>
/// A case's contribution to its subject's rates (ADR 0021), or a sum of many. Each field counts cases,
/// except <see cref="Votes"/> and <see cref="VotesSatisfied"/>, which count online votes.
/// </summary>
public sealed record CaseCounts(
    int Assigned = 0,
    int Completed = 0,
    int Visited = 0,
    int Satisfied = 0,
    int BasicallySatisfied = 0,
    int Dissatisfied = 0,
    int Unreached = 0,
    int Votes = 0,
    int VotesSatisfied = 0,
    int ReplyDue = 0,
    int RepliedOnTime = 0)
{
    public static readonly CaseCounts Zero = new();

    public bool IsZero => this == Zero;

    public static CaseCounts operator +(CaseCounts a, CaseCounts b) => new(
        a.Assigned + b.Assigned, a.Completed + b.Completed, a.Visited + b.Visited, a.Satisfied + b.Satisfied,
        a.BasicallySatisfied + b.BasicallySatisfied, a.Dissatisfied + b.Dissatisfied, a.Unreached + b.Unreached,
        a.Votes + b.Votes, a.VotesSatisfied + b.VotesSatisfied, a.ReplyDue + b.ReplyDue, a.RepliedOnTime + b.RepliedOnTime);

    public static CaseCounts operator -(CaseCounts a) => new(
        -a.Assigned, -a.Completed, -a.Visited, -a.Satisfied, -a.BasicallySatisfied, -a.Dissatisfied, -a.Unreached,
        -a.Votes, -a.VotesSatisfied, -a.ReplyDue, -a.RepliedOnTime);

    public static CaseCounts operator -(CaseCounts a, CaseCounts b) => a + -b;
}

/// <summary>Where a contribution is counted: the subject, the cases' year, and the business date it took effect.</summary>
public readonly record struct CounterKey(SubjectKind Kind, Guid SubjectId, int Year, DateOnly On);
