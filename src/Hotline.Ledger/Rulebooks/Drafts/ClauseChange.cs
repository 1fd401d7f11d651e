using System.Text.Json.Nodes;

namespace Hotline.Ledger.Rulebooks.Drafts;

/// <summary>
/// A clause the draft adds, drops or changes. <see cref="Before"/> and <see cref="After"/> are the whole
/// clause on either side (null where it does not exist); <see cref="Fields"/> lists what changed.
/// </summary>
public sealed record ClauseChange(string Clause, string Change, string Title, IReadOnlyList<FieldChange> Fields, JsonNode? Before, JsonNode? After);
