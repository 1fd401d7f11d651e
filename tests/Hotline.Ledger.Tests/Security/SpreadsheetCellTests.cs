using Hotline.Ledger.Http;

namespace Hotline.Ledger.Tests.Security;

public class SpreadsheetCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("市民来电致谢", "市民来电致谢")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_a_spreadsheet_would_run_are_written_as_text(string? value, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.Text(value));
}
