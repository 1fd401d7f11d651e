using Hotline.Ledger.Http;
using Hotline.Ledger.Accountability;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Commendations.Review;
using Hotline.Ledger.Evaluation.Sheets;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>The rules of S3 and S4 as pure functions of a row of the approved result.</summary>
[Trait("Category", "Domain")]
public class EligibilityTests
{
    private static SheetDeduction Deduction(string clause, decimal points) => new(
        Guid.NewGuid(), clause, points, new DateOnly(2020, 5, 1), DateTimeOffset.UnixEpoch, "r", null, null, Guid.NewGuid(), null, false, null);

    private static readonly EligibilityRule Builtin = new(90m, "优秀", ["优秀"], ["D2", "D3.2"]);

    [Fact]
    public void A_row_that_meets_every_rule_has_no_reasons()
    {
        Assert.Empty(Eligibility.Reasons(Builtin, 2020, 90m, "优秀", [Deduction("D1", -5m), Deduction("D3.1", -5m)]));
        Assert.Empty(Eligibility.Reasons(EligibilityRule.None, 2020, -40m, "不合格", [Deduction("D3.2", -10m)]));
    }

    [Fact]
    public void Each_rule_gives_its_own_reason()
    {
        var falseReport = Deduction("D3.2", -10m);
        // The reasons follow the request's language: Chinese unless the caller asked for English.
        var chinese = In(ProblemLanguage.Chinese, () => Eligibility.Reasons(Builtin, 2020, 89.99m, "良好", [falseReport, Deduction("D3.2", -10m), Deduction("D1", -5m)]));
        Assert.Equal("总分 89.99 低于最低分 90", chinese[0]);
        var reasons = In(ProblemLanguage.English, () => Eligibility.Reasons(Builtin, 2020, 89.99m, "良好", [falseReport, Deduction("D3.2", -10m), Deduction("D1", -5m)]));
        Assert.Equal(3, reasons.Count);
        Assert.Equal("total 89.99 is below the minimum 90", reasons[0]);
        Assert.Equal("grade 良好 does not reach 优秀", reasons[1]);
        Assert.StartsWith($"D3.2 incurred in 2020 (2 time(s): entries {falseReport.EntryId}", reasons[2]);
    }

    [Fact]
    public void A_minimum_grade_admits_the_bands_above_it()
    {
        var good = new EligibilityRule(null, "良好", ["优秀", "良好"], []);
        Assert.Empty(Eligibility.Reasons(good, 2020, 95m, "优秀", []));
        Assert.Empty(Eligibility.Reasons(good, 2020, 80m, "良好", []));
        Assert.Single(Eligibility.Reasons(good, 2020, 79m, "合格", []));
    }

    [Fact]
    public void Serious_clauses_and_the_threshold_are_separate_grounds_for_referral()
    {
        var rules = new AccountabilityRules(["D2", "D3.2"], 20m);
        var d2 = Deduction("D2", -7m);
        var d1 = Deduction("D1", -10m);
        var grounds = ReferralGrounds.Of(rules, [d2, d1, Deduction("D3.1", -5m)], -22m);
        Assert.Equal(2, grounds.Count);
        Assert.Equal(("clause", "D2", -7m), (grounds[0].Kind, grounds[0].Clause, grounds[0].Points));
        Assert.Equal([d2.EntryId], grounds[0].EntryIds);
        Assert.Equal(("threshold", (string?)null, -22m, 3), (grounds[1].Kind, grounds[1].Clause, grounds[1].Points, grounds[1].EntryIds.Count));

        Assert.Single(ReferralGrounds.Of(rules, [d1, Deduction("D1", -10m)], -20m));
        Assert.Empty(ReferralGrounds.Of(rules, [d1, Deduction("D3.1", -5m), Deduction("D3.3", -4.99m)], -19.99m));
        Assert.Empty(ReferralGrounds.Of(null, [d2], -7m));
        Assert.Single(ReferralGrounds.Of(new AccountabilityRules(null, 5m), [d1], -10m));
    }

    private static T In<T>(System.Globalization.CultureInfo culture, Func<T> read)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
