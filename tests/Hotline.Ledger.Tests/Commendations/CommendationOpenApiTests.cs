namespace Hotline.Ledger.Tests.Commendations;

public class CommendationOpenApiTests(CommendationApp app) : CommendationTest(app)
{
    [Fact]
    public async Task The_openapi_document_lists_every_commendation_and_referral_route()
    {
        var paths = (await App.Ok("/openapi/v1.json")).GetProperty("paths");
        string[] routes =
        [
            "/api/commendation-plans", "/api/commendation-plans/{id}", "/api/commendation-plans/{id}/revise", "/api/commendation-plans/{id}/submit",
            "/api/commendation-plans/{id}/return", "/api/commendation-plans/{id}/approve", "/api/commendation-plans/{id}/applications",
            "/api/commendation-plans/{id}/candidates", "/api/commendation-plans/{id}/shortlist", "/api/commendation-plans/{id}/shortlist/submit",
            "/api/commendation-plans/{id}/shortlist/return", "/api/commendation-plans/{id}/shortlist/approve",
            "/api/commendations", "/api/referrals", "/api/referrals/{id}", "/api/referrals/{id}/bundle",
        ];
        Assert.All(routes, r => Assert.True(paths.TryGetProperty(r, out _), r));
    }
}
