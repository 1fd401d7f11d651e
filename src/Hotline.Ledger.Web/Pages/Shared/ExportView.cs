namespace Hotline.Ledger.Web.Pages;

/// <summary>
/// A table's downloads: the API read behind it, as CSV and as XLSX, through "/export" as the signed-in user
/// (ADR 0082). <see cref="ApiPathAndQuery"/> is the API's path with the table's filters, e.g. "/api/entries?unitId=…".
/// </summary>
public sealed record ExportView(string ApiPathAndQuery)
{
    public string Href(string format) => "/export" + ApiPathAndQuery + (ApiPathAndQuery.Contains('?') ? "&" : "?") + "format=" + format;
}
