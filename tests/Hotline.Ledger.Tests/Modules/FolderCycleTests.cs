using Hotline.Ledger.Tests.Support;

namespace Hotline.Ledger.Tests.Modules;

/// <summary>
/// The top-level folders of src/Hotline.Ledger (its slices and the kernel they share) depend on each other
/// without a circle, so that each can be read, tested and changed from the folders below it alone.
/// </summary>
[Trait("Category", "Domain")]
public class FolderCycleTests
{
    /// <summary>
    /// The dependencies that still close a circle, each to be taken out; the rule holds for everything else.
    /// A new dependency that closes a circle fails the test; so does one listed here once it is gone, so
    /// that the list only shrinks.
    /// </summary>
    private static readonly (string From, string To)[] StillCircular =
    [
        ("Appeals", "Evaluation"), // filing asks whether the year's evaluation is approved
        ("Cases", "Notices"), // the feed schedules the notices' look-ahead
        ("Cases", "Storage"), // the case rebuild and the feed use the store's bulk rebuild and keyed answers
        ("Deadlines", "Cases"), // the judge locks and reads the case files
        ("Deadlines", "Storage"), // the judge retries on the store's conflicts
        ("Entries", "Storage"), // single entries go through the group commit
        ("Integrity", "Storage"), // the read-model check runs the bulk rebuild
        ("Scoring", "WhatIf"), // a score read may score a draft
        ("Security", "Entries"), // the liaison scope loads entries
        ("Security", "Integrity"), // the security storage holds the hash chain
        ("Security", "Marks"), // the liaison scope loads marks
        ("Security", "Registry"), // the liaison scope loads units and people
        ("Storage", "Notices"), // the store's configuration names every slice's documents
    ];

    private static FolderGraph Graph() => FolderGraph.Read(Path.Combine(Repository.Root, "src", "Hotline.Ledger"));

    [Fact]
    public void No_two_top_level_folders_depend_on_each_other_in_a_circle()
    {
        var graph = Graph();
        var circle = graph.Circle(StillCircular.ToHashSet());
        Assert.True(circle is null, circle is null ? "" :
            $"These folders depend on each other in a circle: {string.Join(" → ", circle)}. Where each names the next:\n  " +
            string.Join("\n  ", circle.Zip(circle.Skip(1), (from, to) => $"{from} → {to}: {string.Join(", ", graph.DependenciesOf(from)[to])}")) +
            "\nMove what both need into a folder below both (Kernel/ holds what every slice shares), or let the lower one raise an event the higher one handles.");
    }

    [Fact]
    public void Every_dependency_still_listed_as_circular_is_still_there()
    {
        var graph = Graph();
        var gone = StillCircular.Where(e => !graph.DependsOn(e.From, e.To)).Select(e => $"{e.From} → {e.To}").ToList();
        Assert.True(gone.Count == 0, "These no longer exist: take them out of FolderCycleTests.StillCircular:\n  " + string.Join("\n  ", gone));
    }

    [Fact]
    public void The_graph_sees_dependencies_and_finds_a_circle()
    {
        var graph = Graph();
        // Entries record clauses of the rulebook.
        Assert.True(graph.DependsOn("Entries", "Rulebooks"));
        // The kernel is imported everywhere: a slice depends on it by naming its types.
        Assert.True(graph.DependsOn("Scoring", "Kernel"));
        Assert.DoesNotContain(graph.DependenciesOf("Kernel").Keys, f => f is not ("Http" or "Time"));
        // Without the list of what still closes a circle, a circle is found.
        Assert.NotNull(graph.Circle(new HashSet<(string, string)>()));
        Assert.Contains(graph.Folders, f => f == "Scoring");
        Assert.DoesNotContain(graph.Folders, f => f is "bin" or "obj");
    }
}
