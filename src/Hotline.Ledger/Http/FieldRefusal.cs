namespace Hotline.Ledger.Http;

/// <summary>A refusal that names the field of the request it is about.</summary>
public sealed record FieldRefusal(string Field, Refusal Refusal)
{
    public FieldRefusal(string field, string code, params object?[] args) : this(field, new Refusal(code, args)) { }
}
