namespace Hotline.Ledger.Http;

/// <summary>
/// Why the domain refuses a step: a code of the catalogue (<see cref="ProblemText"/>) and its arguments. The domain
/// says what is wrong; the HTTP edge turns it into a problem worded in the request's language.
/// </summary>
public sealed record Refusal(string Code, params object?[] Args)
{
    public string Text => ProblemText.Of(Code, Args);

    /// <summary>Worded in English or in Chinese, whatever the request's language.</summary>
    public string In(bool english) => ProblemText.In(english, Code, Args);

    public override string ToString() => Text;
}
