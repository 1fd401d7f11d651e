using Hotline.Ledger.Http;

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
}
