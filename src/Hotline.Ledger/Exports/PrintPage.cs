using System.Net;
using System.Text;

namespace Hotline.Ledger.Exports;

/// <summary>
/// The one layout of the printable pages (the circulars' and evaluations' sheets, the referral bundle): an A4 page in the
/// typefaces of official documents — FangSong for the text, SimHei for the headings — ruled tables whose header repeats on
/// every printed page, and the issuer's signature with the date at the foot. Every text from the ledger is HTML-escaped.
/// </summary>
public static class PrintPage
{
    private const string Style =
        "body { font-family: \"FangSong\", \"仿宋\", \"SimSun\", \"Songti SC\", serif; font-size: 11pt; color: #000; }\n" +
        "h1, h2 { font-family: \"SimHei\", \"黑体\", \"Heiti SC\", sans-serif; }\n" +
        "h1 { font-size: 18pt; text-align: center; margin: 0 0 6pt; } h2 { font-size: 13pt; margin: 14pt 0 6pt; }\n" +
        "table { border-collapse: collapse; width: 100%; page-break-inside: auto; }\n" +
        "thead { display: table-header-group; } tr { page-break-inside: avoid; }\n" +
        "th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; } th { background: #eee; }\n" +
        "td.num { text-align: right; white-space: nowrap; }\n" +
        ".signature { text-align: right; margin-top: 24pt; line-height: 1.8; }\n";

    /// <summary>
    /// The head of a page titled <paramref name="title"/>, its body opened with the title as the heading.
    /// <paramref name="page"/> is the CSS <c>@page</c> rule's body (size and margins); <paramref name="style"/> adds the page's own rules.
    /// </summary>
    public static StringBuilder Begin(string title, string page, string style = "")
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n<style>\n")
            .Append("@page { ").Append(page).Append(" }\n").Append(Style).Append(style)
            .Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n");
        return html;
    }

    /// <summary>The signature and the date at the foot, and the page closed.</summary>
    public static string End(StringBuilder html, string signature, string signedOn) =>
        html.Append("<p class=\"signature\">").Append(E(signature)).Append("<br>").Append(E(signedOn)).Append("</p>\n")
            .Append("</body>\n</html>\n").ToString();

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Points with their sign, the minus as the typographic one (−) a printed table uses.</summary>
    public static string Signed(decimal value) => value.ToString("+0.##;−0.##;0", CultureInfo.InvariantCulture);
}
