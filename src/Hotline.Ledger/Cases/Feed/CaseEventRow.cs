using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.Ledger.Cases.Feed;

/// <summary>
/// One platform row as it arrives, every field as text, so that a bad value is reported on its row
/// instead of failing the batch. Numbers and booleans are read as their text (platforms often send
/// numeric ids).
/// </summary>
public sealed record CaseEventRow(
    [property: JsonConverter(typeof(ScalarText))] string? EventId = null,
    [property: JsonConverter(typeof(ScalarText))] string? CaseNumber = null,
    [property: JsonConverter(typeof(ScalarText))] string? Type = null,
    [property: JsonConverter(typeof(ScalarText))] string? At = null,
    [property: JsonConverter(typeof(ScalarText))] string? UnitId = null,
    [property: JsonConverter(typeof(ScalarText))] string? PersonId = null,
    [property: JsonConverter(typeof(ScalarText))] string? ReplyDueAt = null,
    [property: JsonConverter(typeof(ScalarText))] string? CompletionDueAt = null,
    [property: JsonConverter(typeof(ScalarText))] string? Result = null);

/// <summary>A batch of platform rows: <c>POST /api/cases/events</c>.</summary>
public sealed record CaseEventBatch(IReadOnlyList<CaseEventRow?>? Events);

public sealed class CaseEventBatchValidator : AbstractValidator<CaseEventBatch>
{
    public CaseEventBatchValidator()
    {
        RuleFor(x => x.Events).NotNull().WithErrorCode("caseFeed.events.required")
            .Must(e => e is null || e.Count is > 0 and <= CaseFeed.MaxRows)
            .WithErrorCode("caseFeed.events.count").WithState(_ => new object?[] { CaseFeed.MaxRows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) });
    }
}

/// <summary>Reads a JSON string, number or boolean as text; null stays null.</summary>
public sealed class ScalarText : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
            System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => throw new JsonException($"expected text, a number or a boolean, found {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
