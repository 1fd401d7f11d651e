using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;

namespace Hotline.Ledger.Security;

/// <summary>
/// Moves the step that starts an audited read's record (<see cref="AuditedReadAttribute.Begin"/>) after every other
/// step before the endpoint. Attributes modify a chain before Wolverine adds the endpoint class's <c>Before</c>/<c>Load</c>
/// steps and before other policies add theirs; a read those steps refuse must not start a record.
/// </summary>
public sealed class AuditedReadPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var begin = chain.Middleware.OfType<MethodCall>()
                .FirstOrDefault(c => c.HandlerType == typeof(AuditedReadAttribute) && c.Method.Name == nameof(AuditedReadAttribute.Begin));
            if (begin is null) continue;
            chain.Middleware.Remove(begin);
            chain.Middleware.Add(begin);
        }
    }
}
