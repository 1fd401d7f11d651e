using System.Net;
using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Commendations;

/// <summary>
/// The plan whose commendations are issued is named in the body and loaded by the aggregate workflow: a plan that does
/// not exist is a wrong field of the request (400 on <c>planId</c>), not a missing page, and nothing is written.
/// </summary>
public class IssueForUnknownPlanTests(LedgerApp app) : LedgerTest(app)
{
    [Fact]
    public async Task An_unknown_plan_is_a_400_on_planId_and_nothing_is_appended()
    {
        var plan = Guid.NewGuid();
        var reply = await Refused(() => App.Post("/api/commendations", new { planId = plan, documentNumber = "信热办〔2021〕1号", awardedOn = "2021-01-10" }),
            HttpStatusCode.BadRequest, "planId");
        Assert.Equal("commendation.planId.unknown", reply.Json.GetProperty("code").GetString());
        Assert.Contains(plan.ToString(), reply.ErrorsFor("planId")[0], StringComparison.OrdinalIgnoreCase);
    }
}
