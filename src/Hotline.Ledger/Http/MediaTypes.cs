namespace Hotline.Ledger.Http;

/// <summary>The media types of the downloads, named where the routes that answer them are declared too.</summary>
public static class MediaTypes
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
