namespace Hotline.Ledger.Tests.Support;

/// <summary>The repository's root, found from the test assembly's folder (for files such as docs/).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hotline.Ledger.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Hotline.Ledger.sln above {AppContext.BaseDirectory}.");
    }
}
