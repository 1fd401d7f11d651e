using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Modules;

/// <summary>
/// The top-level folders of src/Hotline.Ledger (its slices and the kernel they share) depend on each other
/// without a circle, so that each can be read, tested and changed from the folders below it alone.
/// </summary>
[Trait("Category", "Domain")]
public class FolderCycleTests
{
    private static FolderGraph Graph() => FolderGraph.Read(Path.Combine(Repository.Root, "src", "Hotline.Ledger"));

    [Fact]
    public void No_two_top_level_folders_depend_on_each_other_in_a_circle()
    {
        var graph = Graph();
        var circle = graph.Circle(new HashSet<(string, string)>());
        Assert.True(circle is null, circle is null ? "" :
            $"These folders depend on each other in a circle: {string.Join(" → ", circle)}. Where each names the next:\n  " +
            string.Join("\n  ", circle.Zip(circle.Skip(1), (from, to) => $"{from} → {to}: {string.Join(", ", graph.DependenciesOf(from)[to])}")) +
            "\nMove what both need into a folder below both (Kernel/ holds what every slice shares), or let the lower one raise an event the higher one handles.");
    }

    [Fact]
    public void The_graph_sees_dependencies()
    {
        var graph = Graph();
        // Entries record clauses of the rulebook.
        Assert.True(graph.DependsOn("Entries", "Rulebooks"));
        // The kernel is imported everywhere: a slice depends on it by naming its types.
        Assert.True(graph.DependsOn("Scoring", "Kernel"));
        Assert.DoesNotContain(graph.DependenciesOf("Kernel").Keys, f => f is not ("Http" or "Time"));
        Assert.Contains(graph.Folders, f => f == "Scoring");
        Assert.DoesNotContain(graph.Folders, f => f is "bin" or "obj");
    }

    [Fact]
    public void A_circle_is_found_with_the_files_that_close_it()
    {
        var project = Directory.CreateTempSubdirectory("folder-graph-");
        try
        {
            Write(project, "Lower/Clock.cs", "namespace Hotline.Ledger.Lower;\nusing Hotline.Ledger.Upper;\npublic class Clock { Board? b; }");
            Write(project, "Upper/Board.cs", "namespace Hotline.Ledger.Upper;\npublic class Board { Lower.Clock? c; }");
            Write(project, "Alone/Note.cs", "namespace Hotline.Ledger.Alone;\n// Upper.Board is only named in a comment.\npublic class Note { string s = \"Upper.Board\"; }");
            var graph = FolderGraph.Read(project.FullName);

            Assert.Equal(new[] { "Lower", "Upper", "Lower" }, graph.Circle(new HashSet<(string, string)>()));
            Assert.Equal(new[] { "Lower/Clock.cs" }, graph.DependenciesOf("Lower")["Upper"].Select(f => f.Replace('\\', '/')));
            Assert.Empty(graph.DependenciesOf("Alone"));
            Assert.Null(graph.Circle(new HashSet<(string, string)> { ("Lower", "Upper") }));
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    private static void Write(DirectoryInfo project, string file, string code)
    {
        var path = Path.Combine(project.FullName, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code);
    }
}
