using System.Globalization;
using System.Text.RegularExpressions;
using Hotline.Ledger.Http;

namespace Hotline.Ledger.Tests.Language;

/// <summary>
/// The catalogue every problem is worded from: each code has a Chinese and an English text that can be filled in,
/// and reads like the codes scripts compare (dotted, each part starting in lower case).
/// </summary>
[Trait("Category", "Domain")]
public partial class CatalogueTests
{
    private static readonly object?[] Args = Enumerable.Range(0, 10).Select(i => (object?)$"<{i}>").ToArray();

    [Fact]
    public void Every_code_has_a_Chinese_and_an_English_text()
    {
        var entries = ProblemText.Entries.ToList();
        Assert.True(entries.Count > 300, $"{entries.Count} codes");
        foreach (var (code, zh, en) in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(zh), code);
            Assert.False(string.IsNullOrWhiteSpace(en), code);
            // Both templates are well formed (a stray brace would throw only when the rule is broken).
            _ = string.Format(CultureInfo.InvariantCulture, zh, Args);
            _ = string.Format(CultureInfo.InvariantCulture, en, Args);
            Assert.True(zh.Any(c => c is >= '\u4e00' and <= '\u9fff') || zh.Trim(' ', '；', '，', '{', '}', '0', '1', '(', ')', '（', '）').Length == 0,
                $"{code}: the Chinese text has no Chinese: {zh}");
            Assert.DoesNotContain(en, c => c is >= '\u4e00' and <= '\u9fff' && !en.Contains("信政办", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Codes_are_unique_and_dotted_lower_camel_case()
    {
        var codes = ProblemText.Entries.Select(e => e.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, code => Assert.Matches(Dotted(), code));
    }

    [Fact]
    public void Each_placeholder_of_one_language_is_filled_in_the_other()
    {
        foreach (var (code, zh, en) in ProblemText.Entries)
        {
            // These take a word in each language as an argument of its own (what to do about a draft, the verb "submit"/"approve").
            if (OwnWordPerLanguage.Contains(code)) continue;
            Assert.True(Placeholders(zh).SetEquals(Placeholders(en)), $"{code}: {zh} | {en}");
        }
    }

    [Fact]
    public void A_refusal_inside_a_refusal_is_worded_in_the_same_language()
    {
        var where = new Refusal("rulebook.part.where", "U4.1", "replyRate");
        var fault = new Refusal("rulebook.part.noFunction", where);
        Assert.Equal("clause 'U4.1', input 'replyRate': no function", fault.In(english: true));
        Assert.Equal("条款“U4.1”的输入“replyRate”：没有 function", fault.In(english: false));
    }

    private static readonly HashSet<string> OwnWordPerLanguage =
        ["rulebookDraft.notFuture", "rulebookDraft.idTaken", "rulebookDraft.dayTaken", "evaluation.incomplete"];

    private static HashSet<string> Placeholders(string template) =>
        Placeholder().Matches(template.Replace("{{", "").Replace("}}", "")).Select(m => m.Value).ToHashSet();

    // Each part starts in lower case, or is a status number (http.404.title).
    [GeneratedRegex(@"^[a-z][a-zA-Z0-9]*(\.([a-z][a-zA-Z0-9]*|[0-9]+))+$")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
