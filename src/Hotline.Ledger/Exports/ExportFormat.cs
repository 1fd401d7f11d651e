namespace Hotline.Ledger.Exports;

/// <summary>How a read is answered: its JSON, or a download (CSV, XLSX) or a printable page (HTML).</summary>
public enum ExportFormat { Json, Csv, Xlsx, Html }
