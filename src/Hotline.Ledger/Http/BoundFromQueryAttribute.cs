namespace Hotline.Ledger.Http;

/// <summary>
/// Marks a query a route takes already read: the type's static <c>Parse</c> method names the query string values it
/// reads by its <see cref="string"/> parameters (the names are the query's), takes any service it needs beside them
/// (the clock), and answers the query or the field it refuses. An endpoint that declares a parameter of the type gets
/// it from <see cref="QueryBinding"/>: parsed once, before the endpoint runs, a refusal answered as the 400 of that
/// field, and the values declared in the OpenAPI document as the query parameters they are.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BoundFromQueryAttribute : Attribute;
