using System.Reflection;
using Hotline.Ledger.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Ledger.Http;

/// <summary>
/// The answer of a read that also downloads (ADR 0082): its record <typeparamref name="T"/> as JSON, the same rows as
/// a CSV or XLSX file, or the problem that refused the read. The route's one return type, so the OpenAPI document
/// declares its 200 with the record's schema and the file types beside it (<see cref="PopulateMetadata"/>), and the
/// read audit sees a refusal by its status (<see cref="IStatusCodeHttpResult"/>) and leaves it off file.
/// </summary>
public sealed class JsonOrFile<T> : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly IResult answer;

    private JsonOrFile(IResult answer) => this.answer = answer;

    /// <summary>The record, written with the API's JSON options as every typed answer is.</summary>
    public static JsonOrFile<T> Json(T value) => new(TypedResults.Ok(value));

    /// <summary>A page <c>{items, next}</c> of a list that answers its bare array unless paging is asked for (ADR 0068).</summary>
    public static JsonOrFile<T> Paged<TItem>(Page<TItem> page) => new(TypedResults.Ok(page));

    /// <summary>The rows as a download (<see cref="TableExport"/>, or a streamed CSV).</summary>
    public static JsonOrFile<T> File(IResult file) => new(file);

    /// <summary>The catalogue's problem refusing the read (400 of a query value, 404 of the subject).</summary>
    public static JsonOrFile<T> Refused(IResult problem) => new(problem);

    public static JsonOrFile<T> Refused(ProblemDetails problem) => new(TypedResults.Problem(problem));

    public int? StatusCode => (answer as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => answer.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T),
            ["application/json", "text/csv", SheetXlsx.ContentType]));
}
