namespace Hotline.Ledger.Integrity;

public sealed record ReadModelReport(bool Valid, IReadOnlyList<string> TablesCompared, long RowsCompared, ReadModelFault? FirstFault, double Seconds);
