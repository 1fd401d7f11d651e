namespace Hotline.Ledger.Storage;

/// <summary>The ways of the one-pass rebuild that can be turned off to measure each one's effect (ADR 0207).</summary>
/// <param name="RawRead">The case events read straight from the log and deserialized in parallel pages, not through Marten's query.</param>
/// <param name="WriterPerTable">One writer (and connection) per table, not one for all.</param>
/// <param name="Lanes">How many connections copy the case files, and as many the counter rows, side by side (ADR 0191).</param>
/// <param name="OwnCopy">The case files serialized on the thread pool and written by our own binary COPY, not Marten's bulk insert (ADR 0191).</param>
/// <param name="RunningFold">Each case's derivation kept running from fact to fact, not derived again from all its facts at each write (ADR 0198).</param>
/// <param name="GeneratedJson">The case events read and the case files written through compile-time JSON contracts, straight from and to UTF-8, not through the store's serializer (ADR 0205).</param>
public sealed record RebuildSettings(bool RawRead = true, bool WriterPerTable = true, int Lanes = 2, bool OwnCopy = true, bool RunningFold = true,
    bool GeneratedJson = true)
{
    public static readonly RebuildSettings Fastest = new();
}
