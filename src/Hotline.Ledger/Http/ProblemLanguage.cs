namespace Hotline.Ledger.Http;

/// <summary>
/// The language of the current request's answers: Chinese unless the caller asked for English
/// (<c>Accept-Language: en</c>). The API host sets <see cref="CultureInfo.CurrentUICulture"/> per request;
/// outside a request (the ledger's own work) it is Chinese.
/// </summary>
public static class ProblemLanguage
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The first of zh or en the caller prefers by quality; Chinese when it names neither.</summary>
    public static CultureInfo Choose(IEnumerable<(string Tag, double Quality)> accepted)
    {
        foreach (var (tag, _) in accepted.Where(a => a.Quality > 0).OrderByDescending(a => a.Quality))
        {
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return Chinese;
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return English;
        }

        return Chinese;
    }
}
