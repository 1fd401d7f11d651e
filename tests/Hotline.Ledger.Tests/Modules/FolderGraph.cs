using System.Text.RegularExpressions;

namespace Hotline.Ledger.Tests.Modules;

/// <summary>
/// Which top-level folders of src/Hotline.Ledger the code of each folder names, read from the source: a
/// <c>using Hotline.Ledger.X…</c>, a name qualified with <c>Hotline.Ledger.X.</c>, or one qualified with <c>X.</c>
/// alone (which C# resolves from inside <c>Hotline.Ledger</c>). A folder the project imports everywhere (a global
/// <c>&lt;Using&gt;</c>, as the kernel is) counts wherever one of its types is named. Comments and string literals do not count.
/// A folder is its namespace: <c>Scoring/Series</c> is <c>Hotline.Ledger.Scoring.Series</c>, part of Scoring.
/// </summary>
public sealed partial class FolderGraph
{
    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Folders { get; }

    private FolderGraph(IReadOnlyList<string> folders) => Folders = folders;

    /// <summary>The folders that <paramref name="folder"/> names, each with the files that name it.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> DependenciesOf(string folder) =>
        _edges.TryGetValue(folder, out var to) ? to : new Dictionary<string, SortedSet<string>>();

    public bool DependsOn(string from, string to) => DependenciesOf(from).ContainsKey(to);

    public static FolderGraph Read(string projectDirectory)
    {
        var folders = Directory.GetDirectories(projectDirectory)
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal).ToList();
        var graph = new FolderGraph(folders);
        var relative = new Regex(@"(?<![\w.])(" + string.Join('|', folders) + @")\.[A-Z]\w*");
        var code = folders.ToDictionary(f => f, f => Directory
            .EnumerateFiles(Path.Combine(projectDirectory, f), "*.cs", SearchOption.AllDirectories)
            .Select(file => (File: Path.GetRelativePath(projectDirectory, file), Code: Code(File.ReadAllText(file)))).ToList());
        var everywhere = ImportedEverywhere(projectDirectory).Where(folders.Contains)
            .ToDictionary(f => f, f => new Regex(@"\b(" + string.Join('|', code[f].SelectMany(c => Declared().Matches(c.Code)).Select(m => m.Groups[1].Value).Distinct()) + @")\b"));
        foreach (var folder in folders)
        foreach (var (file, text) in code[folder])
        {
            var named = Qualified().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(relative.Matches(text).Select(m => m.Groups[1].Value))
                .Concat(everywhere.Where(g => g.Value.IsMatch(text)).Select(g => g.Key));
            foreach (var to in named.Where(n => n != folder && folders.Contains(n)))
                graph.Add(folder, to, file);
        }

        return graph;
    }

    /// <summary>The folders whose namespace the project imports in every file (<c>&lt;Using Include="Hotline.Ledger.X" /&gt;</c>).</summary>
    private static IEnumerable<string> ImportedEverywhere(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.csproj")
            .SelectMany(p => GlobalUsing().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value));

    private void Add(string from, string to, string file)
    {
        if (!_edges.TryGetValue(from, out var to_)) _edges[from] = to_ = new(StringComparer.Ordinal);
        if (!to_.TryGetValue(to, out var files)) to_[to] = files = new(StringComparer.Ordinal);
        files.Add(file);
    }

    /// <summary>
    /// A circle that remains once the <paramref name="ignored"/> edges are taken out, as the folders in order
    /// (the first repeated at the end), or null when there is none.
    /// </summary>
    public IReadOnlyList<string>? Circle(ISet<(string From, string To)> ignored)
    {
        var state = new Dictionary<string, int>(); // 1: on the path, 2: done
        var path = new List<string>();

        List<string>? Visit(string folder)
        {
            state[folder] = 1;
            path.Add(folder);
            foreach (var to in DependenciesOf(folder).Keys.Where(to => !ignored.Contains((folder, to))))
            {
                if (state.GetValueOrDefault(to) == 1) return [.. path.Skip(path.IndexOf(to)), to];
                if (state.GetValueOrDefault(to) == 0 && Visit(to) is { } circle) return circle;
            }

            path.RemoveAt(path.Count - 1);
            state[folder] = 2;
            return null;
        }

        foreach (var folder in Folders)
            if (state.GetValueOrDefault(folder) == 0 && Visit(folder) is { } circle) return circle;
        return null;
    }

    /// <summary>The code without comments and string literals, which may name a folder without depending on it.</summary>
    private static string Code(string source) => Literals().Replace(source, m => m.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex(@"\bHotline\.Ledger\.(\w+)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+([A-Z]\w*)")]
    private static partial Regex Declared();

    [GeneratedRegex(@"<Using\s+Include=""Hotline\.Ledger\.(\w+)""")]
    private static partial Regex GlobalUsing();

    // Comments, raw and verbatim strings, ordinary strings and characters, in the order C# reads them.
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""""""[\s\S]*?""""""|@""(?:[^""]|"""")*""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])'", RegexOptions.Singleline)]
    private static partial Regex Literals();
}
