using Microsoft.Extensions.Configuration;

namespace Hotline.Ledger.SelfChecks;

/// <summary>
/// When a month's self-check is due: the configured day of the following month
/// (`Hotline:SelfChecks:DueDay`, default the 5th — ADR 0008).
/// </summary>
public static class SelfCheckMonths
{
    public const int DefaultDueDay = 5;

    public static DateOnly FirstDay(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DueOn(string month, IConfiguration config)
    {
        var day = Math.Clamp(config.GetValue("Hotline:SelfChecks:DueDay", DefaultDueDay), 1, 28);
        return FirstDay(month).AddMonths(1).AddDays(day - 1);
    }

    public static string Of(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
