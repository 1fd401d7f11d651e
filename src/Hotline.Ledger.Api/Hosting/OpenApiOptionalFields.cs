using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// A field the API accepts without (a nullable one: <c>personId</c>, <c>points</c>, <c>evidence</c>, <c>caseNumber</c> of
/// an entry) is optional in the document, although the record's constructor names it: a generated client must not
/// demand it.
/// </summary>
internal static class OpenApiOptionalFields
{
    public static void Declare(OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Required is not { Count: > 0 } required) return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties.Where(IsNullable)) required.Remove(property.Name);
        return Task.CompletedTask;
    });

    private static bool IsNullable(JsonPropertyInfo property)
    {
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null) return true;
        if (property.PropertyType.IsValueType) return false;
        // A context per question: NullabilityInfoContext is not thread-safe, and two documents may be generated at once.
        var nullability = new NullabilityInfoContext();
        return property.AttributeProvider switch
        {
            PropertyInfo p => nullability.Create(p).ReadState == NullabilityState.Nullable,
            FieldInfo f => nullability.Create(f).ReadState == NullabilityState.Nullable,
            _ => false,
        };
    }
}
