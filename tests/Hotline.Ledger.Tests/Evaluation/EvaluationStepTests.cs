using Hotline.Ledger.Evaluation.YearEnd;
using static Hotline.Ledger.Evaluation.YearEnd.EvaluationSteps;

namespace Hotline.Ledger.Tests.Evaluation;

/// <summary>The approval order as a table: every step in every status, allowed or refused.</summary>
[Trait("Category", "Domain")]
public class EvaluationStepTests
{
    [Theory]
    [InlineData(YearEndEvaluation.Draft, "Remark Recompute Submit")]
    [InlineData(YearEndEvaluation.Returned, "Remark Recompute Submit")]
    [InlineData(YearEndEvaluation.Submitted, "Return Approve")]
    [InlineData(YearEndEvaluation.Approved, "")]
    public void Each_status_allows_exactly_its_next_steps(string status, string allowed)
    {
        var evaluation = new YearEndEvaluation { Id = Guid.NewGuid(), Year = 2020, Status = status, ApprovedBy = "leader" };
        var actual = Enum.GetValues<Step>().Where(s => Refusal(evaluation, s) is null).Select(s => s.ToString());
        Assert.Equal(allowed, string.Join(' ', actual));
    }

    [Fact]
    public void Every_refusal_says_what_must_happen_first()
    {
        foreach (var status in new[] { YearEndEvaluation.Draft, YearEndEvaluation.Returned, YearEndEvaluation.Submitted, YearEndEvaluation.Approved })
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
