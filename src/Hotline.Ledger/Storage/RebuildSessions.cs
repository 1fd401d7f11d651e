using Marten.Services;

namespace Hotline.Ledger.Storage;

/// <summary>The options of a rebuild's own sessions.</summary>
internal static class RebuildSessions
{
    /// <summary>
    /// Sessions that wait as long as their statements take: at a city's size the log's ordered query answers its first
    /// row, and emptying the case files ends, only after minutes, past Npgsql's 30 s default. No request waits on them:
    /// a rebuild runs with the API stopped, the verification's rebuild into its scratch schema in the background.
    /// </summary>
    public static SessionOptions Unhurried() => new() { Timeout = 3600 };
}
