using System.Text;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Tests.Security;

/// <summary>The access matrix as the Markdown table docs/security.md shows (and a test keeps in step).</summary>
public static class AccessMatrixTable
{
    public const string Start = "<!-- access-matrix:start (generated from AccessMatrix.Rows; a test keeps it in step) -->";
    public const string End = "<!-- access-matrix:end -->";

    private static readonly string[] Columns = [Roles.Office, Roles.Assessor, Roles.Auditor, Roles.Inspector, Roles.Leader, Roles.Feed, Roles.Province, Roles.ProvinceAdmin];

    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append(Start).Append('\n');
        text.Append("| method | route | ").Append(string.Join(" | ", Columns)).Append(" | liaison | max body |\n");
        text.Append("|---|---|").Append(string.Concat(Columns.Select(_ => "---|"))).Append("---|---|\n");
        foreach (var row in AccessMatrix.Rows)
        {
            text.Append($"| {row.Method} | `{row.Route}` | ");
            text.Append(string.Join(" | ", Columns.Select(c => row.Admits(c) ? "✓" : "")));
            text.Append($" | {Liaison(row.Liaison)} | {(row.Method == "GET" ? "" : Size(row.MaxBodyBytes))} |\n");
        }

        text.Append(End);
        return text.ToString();
    }

    private static string Liaison(LiaisonScoping scoping) => scoping switch
    {
        LiaisonScoping.None => "",
        LiaisonScoping.Unscoped => "✓ any (reference data)",
        LiaisonScoping.UnitInPath => "own unit (path)",
        LiaisonScoping.PersonInPath => "own unit's person (path)",
        LiaisonScoping.EntryInPath => "own unit's entry (path)",
        LiaisonScoping.MarkInPath => "own unit's mark (path)",
        LiaisonScoping.Query => "own unit (query; list filtered)",
        LiaisonScoping.Endpoint => "own unit (checked by the endpoint)",
        _ => scoping.ToString(),
    };

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes / 1024} KiB";
}
