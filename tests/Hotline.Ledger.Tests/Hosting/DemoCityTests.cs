using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Hotline.Ledger.Api.Hosting;
using Hotline.Ledger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Hotline.Ledger.Tests.Hosting;

/// <summary>
/// <c>--demo</c> gives a city worth opening (and photographing): computed criteria with values, marks, an issued
/// half-year circular, a pending appeal and a year-end evaluation awaiting a leader's approval.
/// </summary>
public sealed class DemoCityTests : IAsyncLifetime
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private IAlbaHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await AlbaHost.For<Program>(b =>
        {
            LedgerApp.Configure(b, _schema);
            b.UseSetting("Hotline:Demo", "true");
        });
        await _host.Services.GetRequiredService<DemoCity>().Seeded;
        _client = LedgerApp.ClientOf(_host);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", conn);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<JsonElement> Get(string url)
    {
        using var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A list answer, whether a bare array or a page ({items, next}).</summary>
    private static List<JsonElement> Items(JsonElement answer) =>
        (answer.ValueKind == JsonValueKind.Array ? answer : answer.GetProperty("items")).EnumerateArray().ToList();

    private static decimal? Points(JsonElement card, string clause) =>
        card.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("clause").GetString() == clause)
            .GetProperty("points") is { ValueKind: JsonValueKind.Number } p ? p.GetDecimal() : null;

    [Fact]
    public async Task The_demo_city_has_a_year_of_cases_marks_a_circular_a_pending_appeal_and_an_evaluation_awaiting_approval()
    {
        var units = Items(await Get("/api/units"));
        Assert.Equal(4, units.Count);
        var unit = units.Single(u => u.GetProperty("code").GetString() == "ZJJ").GetProperty("id").GetGuid();

        var rates = await Get($"/api/units/{unit}/rates?year=2020");
        Assert.True(rates.GetProperty("assigned").GetInt32() >= 40);
        Assert.Equal(JsonValueKind.Number, rates.GetProperty("completionRate").ValueKind);
        Assert.Equal(JsonValueKind.Number, rates.GetProperty("onlineSatisfaction").ValueKind);
        Assert.Equal(JsonValueKind.Number, rates.GetProperty("replyRate").ValueKind);

        var card = await Get($"/api/units/{unit}/score?year=2020");
        foreach (var computed in new[] { "U4.1", "U4.2", "U4.4" }) Assert.True(Points(card, computed) > 0, $"{computed} has no value");
        Assert.True(Points(card, "U1.1") > 0, "U1.1 is not marked");

        var person = Items(await Get("/api/people")).First(p => p.GetProperty("unitId").GetGuid() == unit).GetProperty("id").GetGuid();
        var personCard = await Get($"/api/people/{person}/score?year=2020");
        Assert.True(Points(personCard, "I6") > 0, "I6 has no value");
        Assert.True(Points(personCard, "I1") > 0, "I1 is not marked");

        var circular = Assert.Single(Items(await Get("/api/circulars?year=2020")));
        Assert.Equal("2020-06-30", circular.GetProperty("asOf").GetString());

        var appeal = Assert.Single(Items(await Get("/api/appeals?status=pending")));
        Assert.Equal("pending", appeal.GetProperty("status").GetString());

        var evaluation = Assert.Single(Items(await Get("/api/evaluations?year=2020")));
        Assert.Equal("submitted", evaluation.GetProperty("status").GetString());
    }
}
