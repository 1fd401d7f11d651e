using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Hotline.Ledger.Web.SignIn;

namespace Hotline.Ledger.Web.Api;

/// <summary>
/// Downloads: "/export/api/…" is the API's own GET, as the signed-in user, passed on as it comes (CSV,
/// XLSX, ZIP). The API decides, as for any caller, whether this user may have it.
/// </summary>
public static class ExportEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/export/{**path}", async (HttpContext http, string path, LedgerApi api) =>
        {
            if (!path.StartsWith("api/", StringComparison.Ordinal)) return Results.NotFound();
            var accept = http.Request.Query["format"].ToString() switch
            {
                "csv" => "text/csv",
                "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => null,
            };
            var response = await api.Download("/" + path + http.Request.QueryString, accept, http.RequestAborted);
            http.Response.RegisterForDispose(response);
            if (!response.IsSuccessStatusCode)
                return Results.Content(
                    $"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>无法导出</title><h1>{((int)response.StatusCode is 403 ? "无权导出" : "无法导出")}</h1><p><a href=\"/\">返回首页</a></p></html>",
                    "text/html; charset=utf-8", statusCode: (int)response.StatusCode);
            http.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type) http.Response.ContentType = type.ToString();
            if (response.Content.Headers.ContentDisposition is { } disposition)
                http.Response.Headers.ContentDisposition = disposition.ToString();
            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(WebAuth.Policy).WithMetadata(ScreenEndpoint.Instance);
}
