namespace Hotline.Ledger.MonthlyReports;

public sealed class SubmitMonthlyReportValidator : AbstractValidator<SubmitMonthlyReport>
{
    public SubmitMonthlyReportValidator()
    {
        RuleFor(x => x.Month).NotEmpty().Must(m => ReportMonth.TryParse(m, out _))
            .WithErrorCode("monthlyReport.month.format");
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(20_000);
    }
}
