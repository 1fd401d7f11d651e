using CsCheck;
using Hotline.Ledger.Time;

namespace Hotline.Ledger.Tests.Time;

[Trait("Category", "Domain")]
public class OfficeCalendarTests
{
    [Fact]
    public void The_business_date_of_any_instant_is_its_date_in_Asia_Shanghai()
    {
        Assert.Equal(new DateOnly(2020, 5, 11), OfficeCalendar.DateOf(new DateTimeOffset(2020, 5, 10, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2020, 5, 10), OfficeCalendar.DateOf(new DateTimeOffset(2020, 5, 10, 15, 59, 59, TimeSpan.Zero)));
        Gen.Long[new DateTime(1985, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks].Sample(ticks =>
        {
            var instant = new DateTimeOffset(ticks, TimeSpan.Zero);
            return OfficeCalendar.DateOf(instant) == DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, OfficeCalendar.Zone).DateTime);
        });
    }
}
