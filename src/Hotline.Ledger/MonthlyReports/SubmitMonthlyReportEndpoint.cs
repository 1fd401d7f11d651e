using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.MonthlyReports;

public static class SubmitMonthlyReportEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid id, [Entity("id", Required = false)] Unit? unit, SubmitMonthlyReport command, IDocumentSession session, TimeProvider clock)
    {
        if (unit is null) return Problems.NotFoundProblem("unit", id);
        var month = MonthOf(command);
        var today = OfficeCalendar.Today(clock);
        if (month.FirstDay > today) return Problems.Of(Rejection.Invalid("month", "monthlyReport.month.notBegun", month.ToString(), today));
        return await session.LoadAsync<MonthlyReport>(MonthlyReport.IdOf(id, month)) is { } earlier
            ? Problems.ConflictProblem("monthlyReport.exists", "month", month.ToString(), earlier.SubmittedAt, earlier.SubmittedBy)
            : WolverineContinue.NoProblems;
    }

    // One stream per unit and month: a racing twin collides on the stream id when Wolverine saves, and answers 409.
    [WolverinePost("/api/units/{id}/monthly-reports", OperationId = "submitMonthlyReport")]
    public static (Stored<MonthlyReport, MonthlyReportView>, IStartStream) Post(
        Guid id, SubmitMonthlyReport command, RulebookCatalog rulebooks, TimeProvider clock, HttpContext http)
    {
        var month = MonthOf(command);
        var reportId = MonthlyReport.IdOf(id, month);
        var submitted = new MonthlyReportSubmitted(
            reportId, id, month.ToString(), command.Summary.Trim(), RequestActor.Of(http), clock.GetUtcNow(), month.DueAt(rulebooks));
        return (Stored<MonthlyReport, MonthlyReportView>.Created(reportId, $"/api/units/{id}/monthly-reports/{month}"),
            MartenOps.StartStream<MonthlyReport>(reportId, submitted));
    }

    // The validator has already refused a month that does not parse.
    private static ReportMonth MonthOf(SubmitMonthlyReport command)
    {
        ReportMonth.TryParse(command.Month, out var month);
        return month;
    }
}
