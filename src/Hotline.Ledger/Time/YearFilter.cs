namespace Hotline.Ledger.Time;

/// <summary>
/// The optional <c>year</c> of a list (appeals, circulars, reports…): an endpoint that takes one gets the query's year
/// read once, by <see cref="AssessmentYear.Read"/>, and a mistyped one answered as the 400 of <c>year</c>.
/// </summary>
[BoundFromQuery]
public sealed record YearFilter(int? Year)
{
    public static (YearFilter? Filter, FieldRefusal? Fault) Parse(string? year)
    {
        var (read, fault) = AssessmentYear.Read(year);
        return fault is null ? (new YearFilter(read), null) : (null, fault);
    }
}
