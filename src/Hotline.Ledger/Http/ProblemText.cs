using System.Collections.Frozen;
using System.Text.Json;

namespace Hotline.Ledger.Http;

/// <summary>
/// The message catalogue: every rule the API refuses by has a stable code (what scripts read) and its
/// wording in Chinese (the default) and English. Arguments are placed with {0}, {1}… in both.
/// </summary>
public static class ProblemText
{
    public static string Of(string code, params object?[] args) => In(ProblemLanguage.IsEnglish, code, args);

    /// <summary>The rule worded in English or Chinese, whatever the request's language (e.g. a start-up fault in both).</summary>
    public static string In(bool english, string code, params object?[] args)
    {
        if (!Catalogue.TryGetValue(code, out var text)) return code;
        return string.Format(CultureInfo.InvariantCulture, english ? text.En : text.Zh, args.Select(a => Show(a, english)).ToArray());
    }

    public static bool Knows(string code) => Catalogue.ContainsKey(code);

    /// <summary>Every code with its two wordings, for the test that walks the catalogue.</summary>
    public static IEnumerable<(string Code, string Zh, string En)> Entries => Catalogue.Select(e => (e.Key, e.Value.Zh, e.Value.En));

    // The wording is data, kept beside this file in one JSON file per area (ProblemTexts/*.json, embedded): each groups
    // its codes under headings, each code with its Chinese and its English text. It is read once; a code given twice,
    // in one file or in two, is a mistake found on first use.
    private static readonly FrozenDictionary<string, (string Zh, string En)> Catalogue = Read();

    private static FrozenDictionary<string, (string Zh, string En)> Read()
    {
        var assembly = typeof(ProblemText).Assembly;
        var strict = new JsonSerializerOptions { AllowDuplicateProperties = false };
        var all = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Folder, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var headings = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(stream, strict) ?? [];
            foreach (var (code, text) in headings.Values.SelectMany(h => h))
            {
                if (text is not [var zh, var en]) throw new InvalidOperationException($"The problem code '{code}' ({name}) needs its Chinese and its English text.");
                if (!all.TryAdd(code, (zh, en))) throw new InvalidOperationException($"The problem code '{code}' is in the catalogue twice.");
            }
        }

        if (all.Count == 0) throw new InvalidOperationException($"No problem texts are embedded under {Folder}.");
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private const string Folder = "Hotline.Ledger.Http.ProblemTexts.";

    // Dates read as dates and instants as instants, whatever the culture of the request; a refusal given as an
    // argument (a part of a rulebook, a kind of clause) is worded in the same language.
    private static object? Show(object? arg, bool english) => arg switch
    {
        Refusal r => In(english, r.Code, r.Args),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        _ => arg,
    };

    /// <summary>The Chinese name of a thing the API speaks of ("unit" → 单位).</summary>
    public static string Noun(string what) => ProblemLanguage.IsEnglish ? what : Nouns.GetValueOrDefault(what, what);

    private static readonly Dictionary<string, string> Nouns = new()
    {
        ["entry"] = "条目", ["unit"] = "单位", ["person"] = "人员", ["mark"] = "评分", ["appeal"] = "申诉",
        ["circular"] = "通报", ["evaluation"] = "年终考评", ["spot check"] = "抽查", ["self-check"] = "自查",
        ["plan"] = "表彰方案", ["commendation plan"] = "表彰方案", ["application"] = "申报", ["referral"] = "问责移送",
        ["case"] = "案件", ["commendation"] = "表彰", ["monthly report"] = "月度通报", ["individual"] = "个人",
        ["rulebook draft"] = "考评办法草案", ["rulebook"] = "考评办法", ["city"] = "城市",
        ["notice"] = "通知", ["notice subscription"] = "通知订阅", ["failed delivery"] = "投递失败记录",
    };
}
