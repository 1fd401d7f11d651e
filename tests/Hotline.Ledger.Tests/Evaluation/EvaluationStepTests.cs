using Hotline.Ledger.Approvals;
using Hotline.Ledger.Evaluation.YearEnd;
using static Hotline.Ledger.Evaluation.YearEnd.EvaluationSteps;

namespace Hotline.Ledger.Tests.Evaluation;

/// <summary>The approval order as a table: every step in every status, allowed or refused.</summary>
[Trait("Category", "Domain")]
public class EvaluationStepTests
{
    [Theory]
    [InlineData(ApprovalStatus.Draft, "Remark Recompute Submit")]
    [InlineData(ApprovalStatus.Returned, "Remark Recompute Submit")]
    [InlineData(ApprovalStatus.Submitted, "Return Approve")]
    [InlineData(ApprovalStatus.Approved, "")]
    public void Each_status_allows_exactly_its_next_steps(ApprovalStatus status, string allowed)
    {
        var evaluation = new YearEndEvaluation { Id = Guid.NewGuid(), Year = 2020, Status = status, ApprovedBy = "leader" };
        var actual = Enum.GetValues<Step>().Where(s => Refusal(evaluation, s) is null).Select(s => s.ToString());
        Assert.Equal(allowed, string.Join(' ', actual));
    }

    [Fact]
    public void Every_refusal_says_what_must_happen_first()
    {
        foreach (var status in new[] { ApprovalStatus.Draft, ApprovalStatus.Returned, ApprovalStatus.Submitted, ApprovalStatus.Approved })
        {
            var evaluation = new YearEndEvaluation { Id = Guid.NewGuid(), Year = 2020, Status = status, ApprovedBy = "leader" };
            foreach (var step in Enum.GetValues<Step>())
            {
                if (Refusal(evaluation, step) is not { } refusal) continue;
                Assert.True(refusal.In(english: true).Contains("first", StringComparison.Ordinal) || refusal.In(english: true).Contains("frozen", StringComparison.Ordinal), $"{status}/{step}: {refusal.In(english: true)}");
            }
        }
    }
}
