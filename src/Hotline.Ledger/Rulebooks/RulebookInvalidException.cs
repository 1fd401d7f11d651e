namespace Hotline.Ledger.Rulebooks;

/// <summary>A malformed rulebook: start-up stops with this message, which names the fault.</summary>
public sealed class RulebookInvalidException(string rulebook, string fault)
    : Exception($"Rulebook '{rulebook}' is invalid: {fault}")
{
    public string Rulebook { get; } = rulebook;
    public string Fault { get; } = fault;
}
