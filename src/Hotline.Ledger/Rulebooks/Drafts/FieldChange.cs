using System.Text.Json.Nodes;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>One field that differs: its value before (in the rulebook compared to) and after (in the draft).</summary>
public sealed record FieldChange(string Field, JsonNode? Before, JsonNode? After);
