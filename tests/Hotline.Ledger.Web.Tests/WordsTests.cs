using Hotline.Ledger.Web.Api;

namespace Hotline.Ledger.Web.Tests;

/// <summary>
/// The screens name the API's codes in the office's words, read from the glossary embedded beside them; a code the
/// glossary does not know is shown as the API gave it, so that nothing is hidden.
/// </summary>
[Trait("Category", "Domain")]
public sealed class WordsTests
{
    [Fact]
    public void Each_kind_of_code_is_named_in_the_office_s_words()
    {
        Assert.Equal("已撤销", Words.Status("rescinded"));
        Assert.Equal("按时自查", Words.SelfCheckStatus("onTime"));
        Assert.Equal("办理时限", Words.WarningKind("case"));
        Assert.Equal("网上评议", Words.CaseEvent("onlineVote"));
        Assert.Equal("计算", Words.Source("computed"));
        Assert.Equal("申诉处理", Words.TrailRow("appealDecision"));
        Assert.Equal("证据包导出", Words.ReadKind("export"));
        Assert.Equal("按时答复率", Words.Input("replyRate"));
        Assert.Equal("红色预警", Words.Level("red"));
    }

    [Fact]
    public void A_code_it_does_not_know_is_shown_as_given_and_none_as_nothing()
    {
        Assert.Equal("archived", Words.Status("archived"));
        Assert.Equal("returned", Words.SelfCheckStatus("returned"));
        Assert.Equal("", Words.CaseEvent(null));
        Assert.Equal("", Words.Input(null));
    }
}
