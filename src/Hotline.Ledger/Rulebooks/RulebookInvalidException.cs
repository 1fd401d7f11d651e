namespace Hotline.Ledger.Rulebooks;

/// <summary>
/// A malformed rulebook: start-up stops with this message, which names the fault in Chinese and in English (whoever
/// reads the start-up log), and its code.
/// </summary>
public sealed class RulebookInvalidException(string rulebook, Refusal fault)
    : Exception($"{ProblemText.In(false, "rulebook.invalid", rulebook, fault)} / {ProblemText.In(true, "rulebook.invalid", rulebook, fault)} ({fault.Code})")
{
    public string Rulebook { get; } = rulebook;
    public Refusal Fault { get; } = fault;
}
