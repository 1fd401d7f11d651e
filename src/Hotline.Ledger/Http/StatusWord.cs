using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Hotline.Ledger.Http;

/// <summary>
/// The words statuses are stored and answered by. A status enum names each member's word with
/// <see cref="JsonStringEnumMemberNameAttribute"/>, which every serializer honours (the store's, whose LINQ asks it for
/// the word to compare with, and the API's); this reads the same attribute where no serializer is involved: a
/// <c>?status=</c> filter, a CSV cell, a refusal's wording.
/// </summary>
public static class StatusWord
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<Enum, string>> Words = new();

    /// <summary>The word of a status, as stored and answered (<c>ApprovalStatus.Draft</c> → <c>draft</c>).</summary>
    public static string Of(Enum status) =>
        WordsOf(status.GetType()).TryGetValue(status, out var word) ? word : status.ToString();

    /// <summary>The status a word names; null for a blank word or one that names none.</summary>
    public static TStatus? Named<TStatus>(string? word) where TStatus : struct, Enum
    {
        foreach (var (status, named) in WordsOf(typeof(TStatus)))
            if (string.Equals(named, word, StringComparison.Ordinal)) return (TStatus)status;
        return null;
    }

    /// <summary>Every word of the status, in the order the enum declares them.</summary>
    public static IReadOnlyList<string> All<TStatus>() where TStatus : struct, Enum => WordsOf(typeof(TStatus)).Values.ToList();

    /// <summary>The words a filter accepts, as a refusal lists them: <c>draft、submitted</c> in Chinese, <c>draft, submitted</c> in English.</summary>
    public static string List(IEnumerable<string> words, bool english) => string.Join(english ? ", " : "、", words);

    private static IReadOnlyDictionary<Enum, string> WordsOf(Type type) => Words.GetOrAdd(type, t =>
        t.GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(
            f => (Enum)f.GetValue(null)!,
            f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name));
}
