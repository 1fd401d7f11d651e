namespace Hotline.Ledger.Time;

/// <summary>
/// The one rule every route applies to a year and a business date given together (ADR 0067): the date
/// lies within the year. Scores, rankings, rates, self-checks and circulars all ask it, so the same values
/// are accepted or refused alike everywhere.
/// </summary>
public static class AssessmentYear
{
    /// <summary>Null when <paramref name="asOf"/> lies in <paramref name="year"/>; otherwise the rule, naming both.</summary>
    public static string? AsOfOutside(int year, DateOnly asOf) =>
        asOf.Year == year ? null : ProblemText.Of(Code, asOf, year);

    /// <summary>The rule's stable code in a problem.</summary>
    public const string Code = "asOf.outsideYear";

    /// <summary>The years the ledger keeps: a year outside them is a mistyped one.</summary>
    public const int First = 2000, Last = 2100;

    /// <summary>
    /// The one reading of a <c>year</c> in a query: absent is null; four digits from <see cref="First"/> to
    /// <see cref="Last"/> are the year; anything else is refused as <c>year.format</c>, naming <paramref name="field"/>.
    /// </summary>
    public static (int? Year, FieldRefusal? Fault) Read(string? text, string field = "year")
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= First and <= Last
            ? (year, null)
            : (null, new FieldRefusal(field, "year.format"));
    }
}
