using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Tests.Exports;

[Trait("Category", "Domain")]
public class PrintPageTests
{
    [Fact]
    public void A_printed_page_escapes_the_ledger_s_text_repeats_table_headers_and_closes_with_the_signature()
    {
        var html = PrintPage.Begin("<script>通报</script>", "size: A4 landscape; margin: 15mm;", ".status { }\n");
        var page = PrintPage.End(html.Append("<table></table>\n"), "信阳市市长热线办公室", "二〇二〇年七月一日");

        Assert.DoesNotContain("<script>", page);
        Assert.Contains("<h1>&lt;script&gt;通报&lt;/script&gt;</h1>", page);
        Assert.Contains("@page { size: A4 landscape; margin: 15mm; }", page);
        Assert.Contains("thead { display: table-header-group; }", page);
        Assert.Contains(".status { }", page);
        Assert.EndsWith("<p class=\"signature\">信阳市市长热线办公室<br>二〇二〇年七月一日</p>\n</body>\n</html>\n", page);
    }
}
