using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Alba;
using Hotline.Ledger.Api.Hosting;
using Hotline.Ledger.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hotline.Ledger.Tests.Language;

/// <summary>
/// A value in the wrong format is answered like every other rule: the field, what to type there, a code, and the
/// same problem type; and since it is the caller's mistake it is logged as a warning, never as an error.
/// </summary>
public class FormatErrorTests(LedgerApp app) : LedgerTest(app)
{
    private static string Body(string occurredOn, Guid unit) =>
        $$"""{"clause":"B1","unitId":"{{unit}}","occurredOn":"{{occurredOn}}","reason":"采用"}""";

    [Theory]
    [InlineData("2020/05/10")]
    [InlineData("2020-02-30")]
    [InlineData("10 May 2020")]
    public async Task A_date_in_the_wrong_format_names_the_field_and_the_format_to_type(string occurredOn)
    {
        var unit = await App.NewUnit();
        var reply = await Refused(() => App.PostRaw("/api/entries", Body(occurredOn, unit)), HttpStatusCode.BadRequest, "occurredOn");

        var message = Assert.Single(reply.ErrorsFor("occurredOn"));
        Assert.True(message.Contains("YYYY-MM-DD"), reply.Text);
        Assert.DoesNotContain("Hotline.", reply.Text);
        Assert.DoesNotContain("System.", reply.Text);
        Assert.Equal("json.date", reply.Json.GetProperty("errorCodes").GetProperty("occurredOn")[0].GetString());

        // The same shape and type as a rule broken by a well-formed body.
        var other = await Refused(() => App.PostRaw("/api/entries", Body("2020-05-10", unit).Replace("采用", "")), HttpStatusCode.BadRequest, "reason");
        Assert.Equal(other.Json.GetProperty("type").GetString(), reply.Json.GetProperty("type").GetString());
        Assert.Equal(other.Json.GetProperty("title").GetString(), reply.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Other_wrong_types_say_what_the_field_takes()
    {
        var unit = await App.NewUnit();
        var id = await Refused(() => App.PostRaw("/api/entries", Body("2020-05-10", unit).Replace(unit.ToString(), "not-an-id")), HttpStatusCode.BadRequest, "unitId");
        Assert.Equal("json.uuid", id.Json.GetProperty("errorCodes").GetProperty("unitId")[0].GetString());

        var points = await Refused(() => App.PostRaw("/api/entries", Body("2020-05-10", unit).Replace("}", ",\"points\":\"5\"}")), HttpStatusCode.BadRequest, "points");
        Assert.Equal("json.number", points.Json.GetProperty("errorCodes").GetProperty("points")[0].GetString());
        Assert.DoesNotContain("Decimal", points.Text);
    }
}

/// <summary>What the API logs for refusals, from a host of its own that logs at Information.</summary>
public sealed class RefusalLogTests : IAsyncLifetime
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly CapturedLogs _logs = new();
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await AlbaHost.For<Program>(b =>
        {
            LedgerApp.Configure(b, _schema);
            b.UseSetting("Logging:LogLevel:Default", "Information");
            b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(_logs));
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await using var conn = new NpgsqlConnection(LedgerApp.ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", conn);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_client_s_format_mistake_is_a_warning_and_racing_rescissions_log_no_error()
    {
        using var client = LedgerApp.ClientOf(_host);
        var unit = await client.PostAsJsonAsync("/api/units", new { code = "LOG-1", name = "日志单位" });
        var unitId = (await unit.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        _logs.Clear();

        using var bad = new StringContent($$"""{"clause":"B1","unitId":"{{unitId}}","occurredOn":"2020/05/10","reason":"采用"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/entries", bad)).StatusCode);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("occurredOn"));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);

        // Eight rescissions of one entry at once: one succeeds, the rest are refused, none is an error.
        var entry = await client.PostAsJsonAsync("/api/entries", new { clause = "B1", unitId, occurredOn = "2020-05-10", reason = "采用" });
        var entryId = (await entry.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync($"/api/entries/{entryId}/rescind", new { reason = $"撤销{i}" })));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var errors = _logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("\n---\n", errors));
    }

    [Fact]
    public void The_store_s_refusals_are_information_and_its_faults_errors()
    {
        var logs = new CapturedLogs();
        var logger = new RefusalAwareMartenLogger(new LoggerFactory([logs]).CreateLogger<IDocumentStore>());

        logger.LogFailure(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), "insert");
        Assert.Equal(LogLevel.Information, Assert.Single(logs.Entries).Level);

        logs.Clear();
        logger.LogFailure(new PostgresException("Stream version mismatch on 'x': expected 1, actual 2", "ERROR", "ERROR", "MT003"), "select mt_quick_append_events()");
        Assert.Equal(LogLevel.Information, Assert.Single(logs.Entries).Level);

        logs.Clear();
        logger.LogFailure(new PostgresException("relation does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable), "select");
        Assert.Equal(LogLevel.Error, Assert.Single(logs.Entries).Level);
    }
}

public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();
    // An error's exception is part of its message here, so that a failing assertion shows what went wrong.

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => _entries.ToList();

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, exception is null ? formatter(state, null) : $"{formatter(state, exception)} [{exception.GetType().Name}: {exception.Message}]"));
    }
}
