using System.Collections.Frozen;

namespace Hotline.Ledger.Web.Api;

/// <summary>The API's codes as the office reads them.</summary>
public static class Words
{
    public static string Status(string? status) => Of("status", status);

    /// <summary>A month's self-check (自查) as the API lists it.</summary>
    public static string SelfCheckStatus(string? status) => Of("selfCheckStatus", status);

    public static string Level(string? level) => level == "red" ? "红色预警" : "黄色预警";

    public static string WarningKind(string? kind) => Of("warningKind", kind);

    public static string CaseEvent(string? type) => Of("caseEvent", type);

    public static string Source(string? source) => Of("source", source);

    /// <summary>What a row of the evidence trail is.</summary>
    public static string TrailRow(string? what) => Of("trailRow", what);

    /// <summary>What kind of read the read audit recorded.</summary>
    public static string ReadKind(string? kind) => Of("readKind", kind);

    /// <summary>An input of a computed criterion.</summary>
    public static string Input(string? input) => Of("input", input);

    // A code the glossary does not know is shown as the API gave it, so that a new code is never hidden.
    private static string Of(string vocabulary, string? code) =>
        code is null ? "" : Glossary[vocabulary].GetValueOrDefault(code, code);

    // The words are data: one vocabulary per kind of code, embedded beside this file (words.json) and read once.
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Glossary = Read();

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Read()
    {
        using var stream = typeof(Words).Assembly.GetManifestResourceStream("Hotline.Ledger.Web.Api.words.json")
            ?? throw new InvalidOperationException("The screens' words (Api/words.json) are not embedded.");
        var vocabularies = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream,
            new JsonSerializerOptions { AllowDuplicateProperties = false }) ?? [];
        return vocabularies.ToFrozenDictionary(v => v.Key, v => v.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
