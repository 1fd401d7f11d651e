using System.Diagnostics;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// The steps of a feed batch as activities (check, claim, files, derive, queue, save and, inside save, seal), so
/// that a trace or an OpenTelemetry exporter can say where a batch's time goes; free when nobody listens.
/// </summary>
public static class CaseFeedPhases
{
    public const string SourceName = "Hotline.Ledger.CaseFeed";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string phase) => Source.StartActivity(phase);
}
